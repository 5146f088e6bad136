package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.KeyRule.mapped;
import static io.sightline.ingest.normalize.KeyRule.of;
import static io.sightline.ingest.normalize.KeyRule.scaled;

import io.sightline.genai.pricing.Providers;
import java.util.List;

/**
 * OTel GenAI semantic conventions, current names (v1.37–v1.41 and the semantic-conventions-genai
 * repository; conventions.md §2–§3). Session id: {@link IdentityRules}.
 */
final class OtelGenAiRules {
    private OtelGenAiRules() {}

    static final List<KeyRule> RULES = List.of(
            of("gen_ai.operation.name", Field.OPERATION),
            mapped("gen_ai.provider.name", Field.PROVIDER, Providers::normalize),
            of("gen_ai.request.model", Field.REQUEST_MODEL),
            of("gen_ai.response.model", Field.RESPONSE_MODEL),
            of("gen_ai.response.id", Field.RESPONSE_ID),
            of("gen_ai.agent.name", Field.AGENT_NAME),
            of("gen_ai.agent.id", Field.AGENT_ID),
            of("gen_ai.tool.name", Field.TOOL_NAME),
            of("gen_ai.tool.call.id", Field.TOOL_CALL_ID),
            of("gen_ai.prompt.name", Field.PROMPT_NAME),
            of("gen_ai.prompt.version", Field.PROMPT_VERSION),
            of("gen_ai.response.finish_reasons", Field.FINISH_REASONS),
            of("error.type", Field.ERROR_TYPE),
            of("gen_ai.request.stream", Field.STREAMING),
            scaled("gen_ai.response.time_to_first_chunk", Field.TTFT_MS, 1000),
            of("gen_ai.usage.input_tokens", Field.INPUT_TOKENS),
            of("gen_ai.usage.output_tokens", Field.OUTPUT_TOKENS),
            of("gen_ai.usage.cache_read.input_tokens", Field.CACHE_READ_TOKENS),
            of("gen_ai.usage.cache_write.input_tokens", Field.CACHE_WRITE_TOKENS),
            of("gen_ai.usage.cache_creation.input_tokens", Field.CACHE_WRITE_TOKENS),
            of("gen_ai.usage.reasoning.output_tokens", Field.REASONING_TOKENS),
            of("gen_ai.system_instructions", Field.SYSTEM_INSTRUCTIONS),
            of("gen_ai.input.messages", Field.INPUT_MESSAGES),
            of("gen_ai.output.messages", Field.OUTPUT_MESSAGES),
            of("gen_ai.tool.definitions", Field.TOOL_DEFINITIONS),
            of("gen_ai.tool.call.arguments", Field.TOOL_ARGUMENTS),
            of("gen_ai.tool.call.result", Field.TOOL_RESULT),
            of("gen_ai.retrieval.documents", Field.RETRIEVAL_DOCUMENTS),
            of("gen_ai.retrieval.query.text", Field.RETRIEVAL_QUERY));

    /** v1.37+ event carrying the whole inference (on a log record, or as a span event). */
    static final String DETAILS_EVENT = "gen_ai.client.inference.operation.details";
    /** Per-message events (v1.28–v1.36), as log records or span events. */
    static final String SYSTEM_MESSAGE_EVENT = "gen_ai.system.message";
    static final String USER_MESSAGE_EVENT = "gen_ai.user.message";
    static final String ASSISTANT_MESSAGE_EVENT = "gen_ai.assistant.message";
    static final String TOOL_MESSAGE_EVENT = "gen_ai.tool.message";
    static final String CHOICE_EVENT = "gen_ai.choice";
    /** Keys of the details event (same names as the span attributes). */
    static final String INPUT_MESSAGES = "gen_ai.input.messages";
    static final String OUTPUT_MESSAGES = "gen_ai.output.messages";
    static final String SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions";
    /** Standard exception span event. */
    static final String EXCEPTION_EVENT = "exception";
    static final String EXCEPTION_TYPE = "exception.type";
    static final String EXCEPTION_MESSAGE = "exception.message";
    /** Prefix of every GenAI event name; other log records are not GenAI. */
    static final String EVENT_PREFIX = "gen_ai.";
}
