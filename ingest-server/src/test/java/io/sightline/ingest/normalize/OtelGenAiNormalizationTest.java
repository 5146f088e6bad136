package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.TestSpans.span;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.SemconvSource;
import io.sightline.ingest.model.SpanKind;
import io.sightline.ingest.model.StatusCode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OTel GenAI current names (v1.37–v1.41 and the semantic-conventions-genai repository). */
class OtelGenAiNormalizationTest {

    @ParameterizedTest
    @MethodSource("cases")
    void normalize_otelGenAi(TestSpans span, Expect expect) {
        expect.verify(span.normalize());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("chat with structured messages, cache and reasoning tokens, streaming",
                        span("gen_ai.operation.name", "chat",
                                "gen_ai.provider.name", "openai",
                                "gen_ai.request.model", "gpt-4o",
                                "gen_ai.response.model", "gpt-4o-2024-08-06",
                                "gen_ai.response.id", "chatcmpl-1",
                                "gen_ai.conversation.id", "conv-1",
                                "gen_ai.usage.input_tokens", 100L,
                                "gen_ai.usage.output_tokens", 50L,
                                "gen_ai.usage.cache_read.input_tokens", 30L,
                                "gen_ai.usage.cache_write.input_tokens", 10L,
                                "gen_ai.usage.reasoning.output_tokens", 20L,
                                "gen_ai.response.time_to_first_chunk", 0.25,
                                "gen_ai.request.stream", true,
                                "gen_ai.request.temperature", 0.2,
                                "gen_ai.response.finish_reasons", List.of("tool_calls"),
                                "gen_ai.system_instructions", "[{\"type\":\"text\",\"content\":\"Be brief.\"}]",
                                "gen_ai.input.messages", List.of(Map.of("role", "user",
                                        "parts", List.of(Map.of("type", "text", "content", "Weather in Paris?")))),
                                "gen_ai.output.messages", List.of(Map.of("role", "assistant", "finish_reason", "tool_call",
                                        "parts", List.of(Map.of("type", "tool_call", "id", "c1", "name", "weather",
                                                "arguments", Map.of("city", "Paris"))))),
                                "gen_ai.tool.definitions", "[{\"type\":\"function\",\"name\":\"weather\"}]")
                                .name("chat gpt-4o"),
                        Expect.that().type(ObsType.LLM).operation("chat").provider("openai")
                                .requestModel("gpt-4o").responseModel("gpt-4o-2024-08-06").responseId("chatcmpl-1")
                                .session("conv-1").tokens(100, 50, 150, 30, 10, 20).ttftMs(250).streaming(true)
                                .finishReasons("tool_call").rollup(false).cost(null).source(SemconvSource.OTEL_GENAI)
                                .system("[{\"type\":\"text\",\"content\":\"Be brief.\"}]")
                                .input("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"c1\",\"name\":\"weather\","
                                        + "\"arguments\":{\"city\":\"Paris\"}}],\"finish_reason\":\"tool_call\"}]")
                                .toolDefinitions("[{\"type\":\"function\",\"name\":\"weather\"}]")
                                .inputPreview("Weather in Paris?").outputPreview("weather({\"city\":\"Paris\"})")
                                .rawHas("gen_ai.request.temperature", "0.2")
                                .rawHas("gen_ai.response.finish_reasons", "[\"tool_calls\"]")
                                .rawLacks("gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions",
                                        "gen_ai.tool.definitions")),
                argumentSet("messages as JSON strings; tool_call_response with 'result' becomes 'response'",
                        span("gen_ai.operation.name", "chat", "gen_ai.provider.name", "anthropic",
                                "gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]},"
                                        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"c1\",\"result\":\"22C\"}]}]",
                                "gen_ai.output.messages", "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"It is 22C\"}],"
                                        + "\"finish_reason\":\"stop\"}]"),
                        Expect.that().type(ObsType.LLM).provider("anthropic").finishReasons("stop")
                                .input("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]},"
                                        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"c1\",\"response\":\"22C\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"It is 22C\"}],\"finish_reason\":\"stop\"}]")
                                .inputPreview("hi").outputPreview("It is 22C")),
                argumentSet("v1.40 cache_creation name counts as cache write",
                        span("gen_ai.operation.name", "chat", "gen_ai.usage.input_tokens", 200L,
                                "gen_ai.usage.output_tokens", 5L, "gen_ai.usage.cache_creation.input_tokens", 150L),
                        Expect.that().tokens(200, 5, 205, 0, 150, 0)),
                argumentSet("new cache_write name wins over cache_creation",
                        span("gen_ai.operation.name", "chat", "gen_ai.usage.input_tokens", 200L,
                                "gen_ai.usage.cache_creation.input_tokens", 150L, "gen_ai.usage.cache_write.input_tokens", 120L),
                        Expect.that().tokens(200, 0, 200, 0, 120, 0)),
                argumentSet("exclusive counts (cache above input) are made inclusive",
                        span("gen_ai.operation.name", "chat", "gen_ai.usage.input_tokens", 10L,
                                "gen_ai.usage.cache_read.input_tokens", 100L, "gen_ai.usage.output_tokens", 3L,
                                "gen_ai.usage.reasoning.output_tokens", 7L),
                        Expect.that().tokens(110, 10, 120, 100, 0, 7)),
                argumentSet("in-process invoke_agent repeats its children's usage",
                        span("gen_ai.operation.name", "invoke_agent", "gen_ai.agent.name", "planner",
                                "gen_ai.agent.id", "asst_1", "gen_ai.usage.input_tokens", 500L).kind(SpanKind.INTERNAL).root(),
                        Expect.that().type(ObsType.AGENT).operation("invoke_agent").agent("planner").agentId("asst_1")
                                .rollup(true).tokens(500, 0, 500, 0, 0, 0)),
                argumentSet("remote invoke_agent (CLIENT) owns its usage",
                        span("gen_ai.operation.name", "invoke_agent", "gen_ai.usage.input_tokens", 500L).kind(SpanKind.CLIENT),
                        Expect.that().type(ObsType.AGENT).rollup(false)),
                argumentSet("execute_tool with structured arguments and JSON-string result",
                        span("gen_ai.operation.name", "execute_tool", "gen_ai.tool.name", "get_weather",
                                "gen_ai.tool.call.id", "call_9", "gen_ai.tool.type", "function",
                                "gen_ai.tool.call.arguments", Map.of("city", "Oslo"),
                                "gen_ai.tool.call.result", "{\"temp\":3}").kind(SpanKind.INTERNAL),
                        Expect.that().type(ObsType.TOOL).operation("execute_tool").tool("get_weather", "call_9")
                                .toolArguments("{\"city\":\"Oslo\"}").toolResult("{\"temp\":3}")
                                .inputPreview("{\"city\":\"Oslo\"}").outputPreview("{\"temp\":3}")
                                .rawHas("gen_ai.tool.type", "function").rawLacks("gen_ai.tool.call.arguments")),
                argumentSet("embeddings", span("gen_ai.operation.name", "embeddings", "gen_ai.request.model", "text-embedding-3-small",
                                "gen_ai.usage.input_tokens", 8L),
                        Expect.that().type(ObsType.EMBEDDING).operation("embeddings").tokens(8, 0, 8, 0, 0, 0)),
                argumentSet("retrieval with documents and query",
                        span("gen_ai.operation.name", "retrieval", "gen_ai.data_source.id", "kb",
                                "gen_ai.retrieval.query.text", "refund policy",
                                "gen_ai.retrieval.documents", "[{\"id\":\"d1\",\"score\":0.9}]"),
                        Expect.that().type(ObsType.RETRIEVER).documents("[{\"id\":\"d1\",\"score\":0.9}]")
                                .genericInput("\"refund policy\"").inputPreview("refund policy")),
                argumentSet("invoke_workflow", span("gen_ai.operation.name", "invoke_workflow").root().kind(SpanKind.INTERNAL),
                        Expect.that().type(ObsType.WORKFLOW).rollup(true)),
                argumentSet("plan is a chain step", span("gen_ai.operation.name", "plan"),
                        Expect.that().type(ObsType.CHAIN)),
                argumentSet("prompt template attributes are not indexed messages",
                        span("gen_ai.operation.name", "chat", "gen_ai.prompt.name", "support", "gen_ai.prompt.version", "3",
                                "gen_ai.prompt.variable.city", "Paris"),
                        Expect.that().prompt("support", "3").noContent().rawHas("gen_ai.prompt.variable.city", "Paris")
                                .rawHas("gen_ai.prompt.name", "support")),
                argumentSet("error status: type and message from the exception event",
                        span("gen_ai.operation.name", "chat").status(StatusCode.ERROR, "")
                                .event("exception", 5, "exception.type", "RateLimitError", "exception.message", "429 slow down"),
                        Expect.that().status(StatusCode.ERROR).error("RateLimitError", "429 slow down")),
                argumentSet("error status without details falls back to _OTHER",
                        span("gen_ai.operation.name", "chat").status(StatusCode.ERROR, "upstream failed"),
                        Expect.that().error("_OTHER", "upstream failed")),
                argumentSet("error.type without error status is kept, no message",
                        span("gen_ai.operation.name", "chat", "error.type", "timeout"),
                        Expect.that().error("timeout", "")),
                argumentSet("operation unknown to the table falls through to model + tokens",
                        span("gen_ai.operation.name", "image", "gen_ai.request.model", "dall-e-3",
                                "gen_ai.usage.input_tokens", 1L),
                        Expect.that().type(ObsType.LLM).operation("image")),
                argumentSet("tool call id alone makes a tool span",
                        span("gen_ai.tool.call.id", "call_x"),
                        Expect.that().type(ObsType.TOOL).tool("", "call_x").operation("execute_tool")),
                argumentSet("no GenAI attributes at all",
                        span("http.request.method", "GET", "user.id", "u1").kind(SpanKind.SERVER),
                        Expect.that().type(ObsType.OTHER).operation("").source(SemconvSource.NONE).user("u1")
                                .tokens(0, 0, 0, 0, 0, 0).noContent().rawHas("http.request.method", "GET")),
                argumentSet("environment from the resource, service version too",
                        span("gen_ai.operation.name", "chat").resource("service.name", "bot",
                                "deployment.environment", "staging", "service.version", "2.0"),
                        Expect.that().environment("staging").also("service", r -> {
                            org.assertj.core.api.Assertions.assertThat(r.span().serviceName()).isEqualTo("bot");
                            org.assertj.core.api.Assertions.assertThat(r.span().serviceVersion()).isEqualTo("2.0");
                            org.assertj.core.api.Assertions.assertThat(r.span().resourceAttributes())
                                    .containsEntry("deployment.environment", "staging");
                        })));
    }
}
