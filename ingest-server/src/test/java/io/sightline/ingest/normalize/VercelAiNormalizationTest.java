package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.TestSpans.span;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.SemconvSource;
import io.sightline.ingest.model.SpanKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Vercel AI SDK: legacy ai.* spans and its OTel integration's metric-named attributes. */
class VercelAiNormalizationTest {

    @ParameterizedTest
    @MethodSource("cases")
    void normalize_vercelAi(TestSpans span, Expect expect) {
        expect.verify(span.scope("ai").normalize());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("doStream provider call: prompt messages, text + tool calls, ms to first chunk",
                        span("ai.operationId", "ai.streamText.doStream", "operation.name", "ai.streamText.doStream chat-fn",
                                "ai.model.id", "gpt-4o-mini", "ai.model.provider", "openai.chat",
                                "ai.telemetry.functionId", "chat-fn",
                                "ai.telemetry.metadata.sessionId", "v-sess", "ai.telemetry.metadata.userId", "v-user",
                                "ai.prompt.messages", "[{\"role\":\"system\",\"content\":\"Be kind\"},"
                                        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Weather in Oslo?\"}]},"
                                        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool-call\",\"toolCallId\":\"c0\",\"toolName\":\"weather\",\"args\":{\"city\":\"Oslo\"}}]},"
                                        + "{\"role\":\"tool\",\"content\":[{\"type\":\"tool-result\",\"toolCallId\":\"c0\",\"toolName\":\"weather\",\"result\":{\"t\":3}}]}]",
                                "ai.prompt.tools", List.of("{\"type\":\"function\",\"name\":\"weather\",\"parameters\":{\"type\":\"object\"}}"),
                                "ai.response.text", "Cold: 3C.",
                                "ai.response.toolCalls", "[{\"toolCallType\":\"function\",\"toolCallId\":\"c1\",\"toolName\":\"alert\",\"args\":\"{\\\"level\\\":1}\"}]",
                                "ai.response.finishReason", "tool-calls",
                                "ai.response.id", "resp-1", "ai.response.model", "gpt-4o-mini-2024-07-18",
                                "ai.response.msToFirstChunk", 182.6,
                                "ai.usage.promptTokens", 50L, "ai.usage.completionTokens", 7L),
                        Expect.that().type(ObsType.LLM).operation("chat").provider("openai").requestModel("gpt-4o-mini")
                                .responseModel("gpt-4o-mini-2024-07-18").responseId("resp-1").agent("chat-fn")
                                .session("v-sess").user("v-user").tokens(50, 7, 57, 0, 0, 0).ttftMs(183).streaming(true)
                                .finishReasons("tool_call").source(SemconvSource.VERCEL_AI)
                                .input("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be kind\"}]},"
                                        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Oslo?\"}]},"
                                        + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"c0\",\"name\":\"weather\",\"arguments\":{\"city\":\"Oslo\"}}]},"
                                        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"c0\",\"response\":{\"t\":3}}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Cold: 3C.\"},"
                                        + "{\"type\":\"tool_call\",\"id\":\"c1\",\"name\":\"alert\",\"arguments\":{\"level\":1}}],"
                                        + "\"finish_reason\":\"tool_call\"}]")
                                .toolDefinitions("[{\"type\":\"function\",\"name\":\"weather\",\"parameters\":{\"type\":\"object\"}}]")
                                .inputPreview("Weather in Oslo?").outputPreview("Cold: 3C.")
                                .rawHas("ai.model.provider", "openai.chat").rawLacks("ai.prompt.messages", "ai.response.text")),
                argumentSet("generateText root: ai.prompt with system and prompt, rolls up usage",
                        span("ai.operationId", "ai.generateText", "ai.model.id", "claude-3-5-sonnet",
                                "ai.model.provider", "anthropic.messages",
                                "ai.prompt", "{\"system\":\"You are a poet\",\"prompt\":\"Write a haiku\"}",
                                "ai.response.text", "Leaves fall...", "ai.usage.promptTokens", 20L, "ai.usage.completionTokens", 17L)
                                .root().kind(SpanKind.INTERNAL),
                        Expect.that().type(ObsType.WORKFLOW).rollup(true).provider("anthropic").streaming(false)
                                .system("[{\"type\":\"text\",\"content\":\"You are a poet\"}]")
                                .input("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Write a haiku\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Leaves fall...\"}]}]")),
                argumentSet("v5 usage names with cached and reasoning tokens",
                        span("ai.operationId", "ai.generateText.doGenerate", "ai.model.id", "o3-mini",
                                "ai.usage.inputTokens", 300L, "ai.usage.outputTokens", 90L, "ai.usage.totalTokens", 390L,
                                "ai.usage.cachedInputTokens", 256L, "ai.usage.reasoningTokens", 64L),
                        Expect.that().type(ObsType.LLM).tokens(300, 90, 390, 256, 0, 64).streaming(false)),
                argumentSet("provider metadata carries Anthropic cache counts",
                        span("ai.operationId", "ai.generateText.doGenerate", "ai.model.provider", "anthropic.messages",
                                "ai.usage.promptTokens", 12L,
                                "ai.response.providerMetadata", "{\"anthropic\":{\"cacheCreationInputTokens\":2000,\"cacheReadInputTokens\":0}}"),
                        Expect.that().tokens(2012, 0, 2012, 0, 2000, 0)),
                argumentSet("tool call span", span("ai.operationId", "ai.toolCall", "ai.toolCall.name", "weather",
                                "ai.toolCall.id", "c1", "ai.toolCall.args", "{\"city\":\"Oslo\"}", "ai.toolCall.result", "{\"t\":3}"),
                        Expect.that().type(ObsType.TOOL).operation("execute_tool").tool("weather", "c1")
                                .toolArguments("{\"city\":\"Oslo\"}").toolResult("{\"t\":3}")),
                argumentSet("embedding call", span("ai.operationId", "ai.embedMany.doEmbed", "ai.model.id", "text-embedding-3-small",
                                "ai.usage.tokens", 12L),
                        Expect.that().type(ObsType.EMBEDDING).operation("embeddings").tokens(0, 0, 12, 0, 0, 0)),
                argumentSet("generateObject output object", span("ai.operationId", "ai.generateObject.doGenerate",
                                "ai.response.object", "{\"name\":\"Ada\"}"),
                        Expect.that().genericOutput("{\"name\":\"Ada\"}").outputPreview("{\"name\":\"Ada\"}")),
                argumentSet("OTel integration: chat span with metric-named TTFT in seconds",
                        span("gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai",
                                "gen_ai.client.operation.time_to_first_chunk", 0.05,
                                "gen_ai.client.operation.duration", 1.2),
                        Expect.that().type(ObsType.LLM).ttftMs(50).streaming(true).source(SemconvSource.VERCEL_AI)),
                argumentSet("OTel integration: invoke_agent root repeats child usage",
                        span("gen_ai.operation.name", "invoke_agent", "gen_ai.agent.name", "support",
                                "gen_ai.usage.input_tokens", 900L).root().kind(SpanKind.INTERNAL),
                        Expect.that().type(ObsType.AGENT).rollup(true).agent("support").source(SemconvSource.VERCEL_AI)));
    }
}
