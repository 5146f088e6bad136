package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.KeyRule.of;

import java.util.List;

/**
 * OpenLLMetry / Traceloop, before and after 0.55 (conventions.md §7). Association properties
 * for session/user: {@link IdentityRules}.
 */
final class TraceloopRules {
    private TraceloopRules() {}

    static final List<KeyRule> RULES = List.of(
            of("traceloop.span.kind", Field.TRACELOOP_KIND),
            of("llm.request.type", Field.LLM_REQUEST_TYPE),
            of("traceloop.entity.name", Field.TRACELOOP_ENTITY_NAME),
            of("traceloop.entity.input", Field.GENERIC_INPUT),
            of("traceloop.entity.output", Field.GENERIC_OUTPUT),
            of("traceloop.prompt.key", Field.PROMPT_NAME),
            of("traceloop.prompt.version", Field.PROMPT_VERSION),
            of("gen_ai.usage.total_tokens", Field.TOTAL_TOKENS),
            of("llm.usage.total_tokens", Field.TOTAL_TOKENS),
            of("gen_ai.usage.cache_read_input_tokens", Field.CACHE_READ_TOKENS),
            of("gen_ai.usage.cache_creation_input_tokens", Field.CACHE_WRITE_TOKENS),
            of("gen_ai.usage.reasoning_tokens", Field.REASONING_TOKENS),
            of("llm.usage.reasoning_tokens", Field.REASONING_TOKENS),
            of("gen_ai.is_streaming", Field.STREAMING),
            of("llm.is_streaming", Field.STREAMING),
            of("gen_ai.response.finish_reason", Field.FINISH_REASONS),
            of("gen_ai.response.stop_reason", Field.FINISH_REASONS));

    // Indexed families (legacy instrumentations < 0.55)
    static final String PROMPT = "gen_ai.prompt.";
    static final String COMPLETION = "gen_ai.completion.";
    static final String FUNCTIONS = "llm.request.functions.";

    // suffixes
    static final String ROLE = "role";
    static final String CONTENT = "content";
    static final String NAME = "name";
    static final String TOOL_CALL_ID = "tool_call_id";
    static final String TOOL_CALLS = "tool_calls.";
    static final String FINISH_REASON = "finish_reason";
    static final String REFUSAL = "refusal";
    static final String CALL_ID = "id";
    static final String CALL_NAME = "name";
    static final String CALL_ARGUMENTS = "arguments";
    static final String FUNCTION_NAME = "name";
    static final String FUNCTION_DESCRIPTION = "description";
    static final String FUNCTION_PARAMETERS = "parameters";

    /** Completion content the instrumentation writes when the provider filtered the answer. */
    static final String FILTERED = "FILTERED";
    /** One span event per streamed chunk: the first one gives the time to first token. */
    static final String CHUNK_EVENT = "llm.content.completion.chunk";
    /** Vector DB result span events and their attributes. */
    static final String DB_RESULT_EVENT = "db.query.result";
    static final String DB_RESULT_ID = "db.query.result.id";
    static final String DB_RESULT_SCORE = "db.query.result.score";
    static final String DB_RESULT_DISTANCE = "db.query.result.distance";
    static final String DB_RESULT_METADATA = "db.query.result.metadata";
    static final String DB_RESULT_DOCUMENT = "db.query.result.document";

    static final String KIND_AGENT = "agent";
    static final String KIND_TOOL = "tool";
}
