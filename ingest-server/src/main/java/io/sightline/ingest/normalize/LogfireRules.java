package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.KeyRule.of;

import java.util.List;
import java.util.Set;

/**
 * Pydantic Logfire's version-1 LLM attributes (conventions.md §8.4). Its {@code 'latest'} mode
 * uses the OTel names. {@code events}, {@code request_data} and {@code response_data} are generic
 * names, so they count as content only on spans that carry a {@code logfire.*} attribute.
 */
final class LogfireRules {
    private LogfireRules() {}

    static final String SPAN_TYPE = "logfire.span_type";

    static final List<KeyRule> RULES = List.of(
            of(SPAN_TYPE, Field.LOGFIRE_SPAN_TYPE),
            of("operation.cost", Field.COST_USD),
            of("gen_ai.usage.raw", Field.LOGFIRE_RAW_USAGE),
            of("events", Field.LOGFIRE_EVENTS),
            of("request_data", Field.LOGFIRE_REQUEST),
            of("response_data", Field.LOGFIRE_RESPONSE));

    /** Keys above that only count on Logfire spans. */
    static final Set<String> NEEDS_MARKER = Set.of("events", "request_data", "response_data");
    static final String KEY_PREFIX = "logfire.";
    /** Placeholder span emitted at span start; the real span follows (conventions.md §8.4). */
    static final String PENDING_SPAN = "pending_span";
    /** Key of the event name inside the {@code events} pseudo-events. */
    static final String EVENT_NAME = "event.name";

    /** Paths inside {@code gen_ai.usage.raw} (the provider's own usage object: OpenAI chat/responses, Anthropic). */
    static final List<String> RAW_CACHE_READ = List.of(
            "prompt_tokens_details.cached_tokens", "input_tokens_details.cached_tokens", "cache_read_input_tokens");
    static final List<String> RAW_CACHE_WRITE = List.of("cache_creation_input_tokens");
    static final List<String> RAW_REASONING = List.of(
            "completion_tokens_details.reasoning_tokens", "output_tokens_details.reasoning_tokens");
    /** Streaming flag inside {@code request_data}. */
    static final String REQUEST_STREAM = "stream";
}
