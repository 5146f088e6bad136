package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.KeyRule.of;

import java.util.List;

/** Langfuse's own {@code langfuse.*} attributes (conventions.md §8.3). Session/user keys: {@link IdentityRules}. */
final class LangfuseRules {
    private LangfuseRules() {}

    static final List<KeyRule> RULES = List.of(
            of("langfuse.observation.type", Field.LANGFUSE_TYPE),
            of("langfuse.observation.model.name", Field.REQUEST_MODEL),
            of("langfuse.observation.usage_details", Field.LANGFUSE_USAGE),
            of("langfuse.observation.cost_details", Field.LANGFUSE_COST),
            of("langfuse.observation.completion_start_time", Field.COMPLETION_START),
            of("langfuse.observation.input", Field.LANGFUSE_INPUT),
            of("langfuse.observation.output", Field.LANGFUSE_OUTPUT),
            of("langfuse.trace.input", Field.GENERIC_INPUT),
            of("langfuse.trace.output", Field.GENERIC_OUTPUT),
            of("langfuse.observation.level", Field.LANGFUSE_LEVEL),
            of("langfuse.observation.status_message", Field.LANGFUSE_STATUS_MESSAGE),
            of("langfuse.observation.prompt.name", Field.PROMPT_NAME),
            of("langfuse.observation.prompt.version", Field.PROMPT_VERSION),
            of("langfuse.environment", Field.SPAN_ENVIRONMENT));


    /**
     * Keys inside {@code usage_details} (a JSON map). Langfuse counts are exclusive: input without
     * cache reads/writes, output without reasoning; they are added back to get OTel totals.
     */
    static final List<String> USAGE_INPUT = List.of("input", "input_tokens", "prompt_tokens");
    static final List<String> USAGE_OUTPUT = List.of("output", "output_tokens", "completion_tokens");
    static final List<String> USAGE_TOTAL = List.of("total", "total_tokens");
    static final List<String> USAGE_CACHE_READ = List.of(
            "input_cached_tokens", "cache_read_input_tokens", "input_cache_read", "cached_tokens");
    static final List<String> USAGE_CACHE_WRITE = List.of(
            "cache_creation_input_tokens", "input_cache_creation", "input_cache_write", "cache_write_input_tokens");
    static final List<String> USAGE_REASONING = List.of("output_reasoning_tokens", "output_reasoning", "reasoning_tokens");
    /** Key inside {@code cost_details} with the total; without it the values are summed. */
    static final String COST_TOTAL = "total";
}
