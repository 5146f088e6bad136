package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.TestSpans.span;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.SemconvSource;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenLIT: OTel names plus cost, totals, detail token keys and latency written on the span. */
class OpenLitNormalizationTest {

    @ParameterizedTest
    @MethodSource("cases")
    void normalize_openLit(TestSpans span, Expect expect) {
        expect.verify(span.normalize());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("chat with cost, totals, detail token keys and server TTFT",
                        span("gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai", "gen_ai.request.model", "gpt-4o",
                                "gen_ai.usage.input_tokens", 1000L, "gen_ai.usage.output_tokens", 200L,
                                "gen_ai.client.token.usage", 1200L, "gen_ai.usage.total_tokens", 1200L,
                                "gen_ai.usage.prompt_tokens_details.cached_tokens", 600L,
                                "gen_ai.usage.completion_tokens_details.reasoning_tokens", 50L,
                                "gen_ai.usage.cost", 0.0125, "gen_ai.server.time_to_first_token", 0.4,
                                "gen_ai.server.time_per_output_token", 0.01, "gen_ai.request.user", "end-user-7",
                                "gen_ai.sdk.version", "1.30.0", "deployment.environment", "prod",
                                "gen_ai.request.stream", true),
                        Expect.that().type(ObsType.LLM).tokens(1000, 200, 1200, 600, 0, 50).cost("0.0125").ttftMs(400)
                                .streaming(true).user("end-user-7").environment("prod").source(SemconvSource.OPENLIT)),
                argumentSet("older OpenLIT: gen_ai.system and content span events",
                        span("gen_ai.operation.name", "chat", "gen_ai.system", "mistral", "gen_ai.application_name", "app")
                                .event("gen_ai.content.prompt", 0, "gen_ai.prompt", "user: hi")
                                .event("gen_ai.content.completion", 5, "gen_ai.completion", "hello"),
                        Expect.that().provider("mistral_ai").source(SemconvSource.OPENLIT)
                                .input("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"user: hi\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"hello\"}]}]")),
                argumentSet("tool args under OpenLIT's own key",
                        span("gen_ai.operation.name", "execute_tool", "gen_ai.tool.name", "calc", "gen_ai.tool.args", "{\"x\":1}",
                                "gen_ai.tool.output", "2"),
                        Expect.that().type(ObsType.TOOL).toolArguments("{\"x\":1}").toolResult("\"2\"")),
                argumentSet("resource environment beats the span's", span("gen_ai.operation.name", "chat",
                                "deployment.environment", "span-env").resource("deployment.environment.name", "res-env"),
                        Expect.that().environment("res-env")));
    }
}
