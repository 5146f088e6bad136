package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.sightline.ingest.model.NormalizedBatch;
import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.SemconvSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pydantic Logfire: version-1 blobs (events, request_data, usage raw, operation.cost) and pending spans. */
class LogfireNormalizationTest {

    @ParameterizedTest
    @MethodSource("cases")
    void normalize_logfire(TestSpans span, Expect expect) {
        expect.verify(span.normalize());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("v1: events attribute, request_data stream flag, raw usage details, cost",
                        span("logfire.span_type", "span", "logfire.msg", "Chat Completion with 'gpt-4o'",
                                "gen_ai.system", "openai", "gen_ai.provider.name", "openai", "gen_ai.operation.name", "chat",
                                "gen_ai.request.model", "gpt-4o",
                                "gen_ai.usage.input_tokens", 300L, "gen_ai.usage.output_tokens", 40L,
                                "gen_ai.usage.raw", "{\"prompt_tokens\":300,\"prompt_tokens_details\":{\"cached_tokens\":128},"
                                        + "\"completion_tokens_details\":{\"reasoning_tokens\":16}}",
                                "operation.cost", 0.0031,
                                "request_data", "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                                "events", "[{\"event.name\":\"gen_ai.system.message\",\"content\":\"sys\",\"role\":\"system\"},"
                                        + "{\"event.name\":\"gen_ai.user.message\",\"content\":\"What's up?\",\"role\":\"user\"},"
                                        + "{\"event.name\":\"gen_ai.choice\",\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"All good.\"}}]"),
                        Expect.that().type(ObsType.LLM).tokens(300, 40, 340, 128, 0, 16).cost("0.0031").streaming(true)
                                .source(SemconvSource.LOGFIRE)
                                .input("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"sys\"}]},"
                                        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"What's up?\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"All good.\"}]}]")
                                .rawLacks("events", "request_data").rawHas("logfire.msg", "Chat Completion with 'gpt-4o'")),
                argumentSet("v1 without events: request_data messages and response_data choice",
                        span("logfire.span_type", "span", "gen_ai.operation.name", "chat",
                                "request_data", "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}",
                                "response_data", "{\"message\":{\"role\":\"assistant\",\"content\":\"a\"},\"finish_reason\":\"stop\"}"),
                        Expect.that().input("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"q\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"a\"}],\"finish_reason\":\"stop\"}]")
                                .finishReasons("stop")),
                argumentSet("generic 'events' / 'request_data' keys on a non-Logfire span stay raw attributes",
                        span("gen_ai.operation.name", "chat", "events", "[1,2]", "request_data", "{\"a\":1}"),
                        Expect.that().noContent().rawHas("events", "[1,2]").rawHas("request_data", "{\"a\":1}")
                                .source(SemconvSource.OTEL_GENAI)));
    }

    @Test
    void batch_pendingSpans_areDroppedAsNoise() {
        NormalizedBatch batch = new Normalizer().normalize(List.of(
                span("logfire.span_type", "pending_span", "logfire.pending_parent_id", "abc").build(),
                span("logfire.span_type", "span").build()), List.of());
        assertThat(batch.droppedNoiseSpans()).isEqualTo(1);
        assertThat(batch.spans()).singleElement()
                .satisfies(r -> assertThat(r.span().spanAttributes()).containsEntry("logfire.span_type", "span"));
    }
}
