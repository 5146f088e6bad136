package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.SemconvSource;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OTel GenAI names and carriers from before v1.37 (gen_ai.system, prompt_tokens, content events). */
class OtelLegacyNormalizationTest {

    @ParameterizedTest
    @MethodSource("cases")
    void normalize_otelLegacy(TestSpans span, Expect expect) {
        expect.verify(span.normalize());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("gen_ai.system and prompt/completion tokens (v1.26)",
                        span("gen_ai.system", "vertex_ai", "gen_ai.request.model", "gemini-1.5-pro",
                                "gen_ai.usage.prompt_tokens", 40L, "gen_ai.usage.completion_tokens", 9L),
                        Expect.that().type(ObsType.LLM).provider("gcp.vertex_ai").tokens(40, 9, 49, 0, 0, 0)
                                .operation("chat").source(SemconvSource.OTEL_GENAI_LEGACY)
                                .rawHas("gen_ai.system", "vertex_ai")),
                argumentSet("new names win over old ones on the same span",
                        span("gen_ai.operation.name", "chat", "gen_ai.system", "az.ai.openai", "gen_ai.provider.name", "azure.ai.openai",
                                "gen_ai.usage.prompt_tokens", 1L, "gen_ai.usage.input_tokens", 2L),
                        Expect.that().provider("azure.ai.openai").tokens(2, 0, 2, 0, 0, 0).source(SemconvSource.OTEL_GENAI)),
                argumentSet("v1.26-1.27 span events gen_ai.content.prompt / completion",
                        span("gen_ai.operation.name", "chat", "gen_ai.system", "openai")
                                .event("gen_ai.content.prompt", 0, "gen_ai.prompt",
                                        "[{\"role\":\"system\",\"content\":\"Be nice\"},{\"role\":\"user\",\"content\":\"Hello\"}]")
                                .event("gen_ai.content.completion", 900, "gen_ai.completion",
                                        "[{\"role\":\"assistant\",\"content\":\"Hi!\"}]"),
                        Expect.that().source(SemconvSource.OTEL_GENAI_LEGACY)
                                .input("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be nice\"}]},"
                                        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Hello\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hi!\"}]}]")
                                .inputPreview("Hello").outputPreview("Hi!")
                                .also("content events keep name and time, not content", r -> {
                                    assertThat(r.span().events()).extracting(e -> e.name())
                                            .containsExactly("gen_ai.content.prompt", "gen_ai.content.completion");
                                    assertThat(r.span().events()).allSatisfy(e -> assertThat(e.attributes()).isEmpty());
                                })),
                argumentSet("completion event holding OpenAI choices",
                        span("gen_ai.operation.name", "chat").event("gen_ai.content.completion", 1, "gen_ai.completion",
                                "{\"choices\":[{\"index\":0,\"finish_reason\":\"length\",\"message\":{\"role\":\"assistant\",\"content\":\"Long\"}}]}"),
                        Expect.that().finishReasons("length")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Long\"}],\"finish_reason\":\"length\"}]")),
                argumentSet("per-message events put on the span instead of the logs signal",
                        span("gen_ai.operation.name", "chat", "gen_ai.system", "openai")
                                .event("gen_ai.user.message", 0, "content", "What time is it?")
                                .event("gen_ai.assistant.message", 0, "tool_calls", java.util.List.of(Map.of("id", "t1", "type", "function",
                                        "function", Map.of("name", "clock", "arguments", "{}"))))
                                .event("gen_ai.tool.message", 0, "id", "t1", "content", "12:00")
                                .event("gen_ai.choice", 10, "index", 0L, "finish_reason", "stop",
                                        "message", Map.of("content", "It is noon.")),
                        Expect.that().source(SemconvSource.OTEL_GENAI_LEGACY).finishReasons("stop")
                                .input("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"What time is it?\"}]},"
                                        + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"t1\",\"name\":\"clock\",\"arguments\":{}}]},"
                                        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"t1\",\"response\":\"12:00\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"It is noon.\"}],\"finish_reason\":\"stop\"}]")),
                argumentSet("the v1.26 event attributes set on the span itself",
                        span("gen_ai.system", "openai", "gen_ai.operation.name", "chat",
                                "gen_ai.prompt", "[{\"role\":\"user\",\"content\":\"Ping\"}]", "gen_ai.completion", "Pong"),
                        Expect.that().input("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Ping\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Pong\"}]}]")
                                .rawLacks("gen_ai.prompt", "gen_ai.completion")),
                argumentSet("v1.37+ details event on the span",
                        span("gen_ai.operation.name", "chat").event("gen_ai.client.inference.operation.details", 1,
                                "gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"q\"}]}]",
                                "gen_ai.output.messages", "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"a\"}]}]",
                                "gen_ai.system_instructions", "Answer briefly"),
                        Expect.that().source(SemconvSource.OTEL_GENAI)
                                .system("[{\"type\":\"text\",\"content\":\"Answer briefly\"}]")
                                .input("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"q\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"a\"}]}]")));
    }
}
