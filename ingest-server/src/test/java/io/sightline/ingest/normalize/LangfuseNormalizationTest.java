package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.TestSpans.span;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.SemconvSource;
import io.sightline.ingest.model.StatusCode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Langfuse's own langfuse.* attributes; explicit Langfuse values win over every other convention. */
class LangfuseNormalizationTest {

    @ParameterizedTest
    @MethodSource("cases")
    void normalize_langfuse(TestSpans span, Expect expect) {
        expect.verify(span.normalize());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("generation: exclusive usage details, cost details, double-encoded completion start",
                        span("langfuse.observation.type", "generation",
                                "langfuse.observation.model.name", "claude-3-haiku",
                                "langfuse.observation.usage_details", "{\"input\":100,\"output\":20,\"cache_read_input_tokens\":400,"
                                        + "\"output_reasoning_tokens\":5,\"total\":525}",
                                "langfuse.observation.cost_details", "{\"input\":0.001,\"output\":0.002}",
                                "langfuse.observation.completion_start_time", "\"\\\"2027-01-15T08:00:00.250Z\\\"\"",
                                "langfuse.observation.input", "[{\"role\":\"user\",\"content\":\"Hi\"}]",
                                "langfuse.observation.output", "{\"role\":\"assistant\",\"content\":\"Hello!\"}",
                                "langfuse.observation.prompt.name", "greeter", "langfuse.observation.prompt.version", 4L,
                                "langfuse.session.id", "lf-sess", "langfuse.user.id", "lf-user",
                                "langfuse.environment", "qa",
                                "gen_ai.usage.input_tokens", 999L),
                        Expect.that().type(ObsType.LLM).requestModel("claude-3-haiku").tokens(500, 25, 525, 400, 0, 5)
                                .cost("0.003").ttftMs(250).streaming(true).prompt("greeter", "4")
                                .session("lf-sess").user("lf-user").environment("qa").source(SemconvSource.LANGFUSE)
                                .input("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Hi\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hello!\"}]}]")
                                .rawLacks("langfuse.observation.input", "langfuse.observation.output")),
                argumentSet("span with non-message input: generic I/O; cost total key",
                        span("langfuse.observation.type", "span", "gen_ai.operation.name", "chat",
                                "langfuse.observation.input", Map.of("query", "status?"),
                                "langfuse.observation.output", "done",
                                "langfuse.observation.cost_details", Map.of("total", 0.5, "input", 0.2)),
                        Expect.that().type(ObsType.OTHER).cost("0.5").genericInput("{\"query\":\"status?\"}")
                                .genericOutput("\"done\"").source(SemconvSource.LANGFUSE)),
                argumentSet("level ERROR marks an unset status as error with the status message",
                        span("langfuse.observation.type", "tool", "langfuse.observation.level", "ERROR",
                                "langfuse.observation.status_message", "tool crashed"),
                        Expect.that().type(ObsType.TOOL).status(StatusCode.ERROR).error("_OTHER", "tool crashed")),
                argumentSet("session precedence: gen_ai.conversation.id before langfuse.session.id (conventions §10.5)",
                        span("gen_ai.conversation.id", "conv", "langfuse.session.id", "lf", "session.id", "oi"),
                        Expect.that().session("conv")),
                argumentSet("trace-level input on the root", span("langfuse.trace.input", "question").root(),
                        Expect.that().genericInput("\"question\"")));
    }
}
