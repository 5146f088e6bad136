package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.KeyRule.mapped;
import static io.sightline.ingest.normalize.KeyRule.of;
import static io.sightline.ingest.normalize.KeyRule.scaled;

import io.sightline.genai.pricing.Providers;
import java.util.List;

/**
 * Vercel AI SDK: the legacy {@code ai.*} spans (≤ v6, still available in v7) and the metric-named
 * latency attributes of its OTel integration (conventions.md §8.2). Session/user: {@link IdentityRules}.
 */
final class VercelAiRules {
    private VercelAiRules() {}

    static final List<KeyRule> RULES = List.of(
            of("ai.operationId", Field.VERCEL_OPERATION_ID),
            of("ai.model.id", Field.REQUEST_MODEL),
            mapped("ai.model.provider", Field.PROVIDER, Providers::normalize),
            of("ai.response.model", Field.RESPONSE_MODEL),
            of("ai.response.id", Field.RESPONSE_ID),
            of("ai.telemetry.functionId", Field.AGENT_NAME),
            of("ai.toolCall.name", Field.TOOL_NAME),
            of("ai.toolCall.id", Field.TOOL_CALL_ID),
            of("ai.toolCall.args", Field.TOOL_ARGUMENTS),
            of("ai.toolCall.result", Field.TOOL_RESULT),
            of("ai.usage.inputTokens", Field.INPUT_TOKENS),
            of("ai.usage.promptTokens", Field.INPUT_TOKENS),
            of("ai.usage.outputTokens", Field.OUTPUT_TOKENS),
            of("ai.usage.completionTokens", Field.OUTPUT_TOKENS),
            of("ai.usage.totalTokens", Field.TOTAL_TOKENS),
            of("ai.usage.tokens", Field.TOTAL_TOKENS),
            of("ai.usage.cachedInputTokens", Field.CACHE_READ_TOKENS),
            of("ai.usage.reasoningTokens", Field.REASONING_TOKENS),
            of("ai.response.providerMetadata", Field.VERCEL_PROVIDER_METADATA),
            scaled("gen_ai.client.operation.time_to_first_chunk", Field.TTFT_MS, 1000),
            of("ai.response.msToFirstChunk", Field.TTFT_MS),
            of("ai.stream.msToFirstChunk", Field.TTFT_MS),
            of("ai.response.finishReason", Field.FINISH_REASONS),
            of("ai.prompt.messages", Field.VERCEL_PROMPT_MESSAGES),
            of("ai.prompt", Field.VERCEL_PROMPT),
            of("ai.prompt.tools", Field.TOOL_DEFINITIONS),
            of("ai.response.text", Field.VERCEL_RESPONSE_TEXT),
            of("ai.result.text", Field.VERCEL_RESPONSE_TEXT),
            of("ai.response.toolCalls", Field.VERCEL_RESPONSE_TOOL_CALLS),
            of("ai.result.toolCalls", Field.VERCEL_RESPONSE_TOOL_CALLS),
            of("ai.response.object", Field.GENERIC_OUTPUT),
            of("ai.result.object", Field.GENERIC_OUTPUT));

    /** Instrumentation scope name of every AI SDK span. */
    static final String SCOPE = "ai";
    static final String KEY_PREFIX = "ai.";
    /** Span event marking the first streamed chunk. */
    static final String FIRST_CHUNK_EVENT = "ai.stream.firstChunk";
    /** {@code ai.operationId} suffixes and values. */
    static final String OP_GENERATE = ".doGenerate";
    static final String OP_STREAM = ".doStream";
    static final String OP_EMBED = ".doEmbed";
    static final String OP_TOOL_CALL = "ai.toolCall";
    static final String OP_STREAM_PREFIX_TEXT = "ai.streamText";
    static final String OP_STREAM_PREFIX_OBJECT = "ai.streamObject";

    /** Paths inside {@code ai.response.providerMetadata}. */
    static final List<String> METADATA_CACHE_READ = List.of(
            "openai.cachedPromptTokens", "anthropic.cacheReadInputTokens", "bedrock.usage.cacheReadInputTokens");
    static final List<String> METADATA_CACHE_WRITE = List.of(
            "anthropic.cacheCreationInputTokens", "bedrock.usage.cacheWriteInputTokens");
    static final List<String> METADATA_REASONING = List.of("openai.reasoningTokens");
}
