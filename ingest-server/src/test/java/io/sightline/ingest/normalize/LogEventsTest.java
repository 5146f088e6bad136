package io.sightline.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.ingest.model.Attributes;
import io.sightline.ingest.model.NormalizedLogEvent;
import io.sightline.ingest.model.RawLogRecord;
import io.sightline.ingest.model.SpanContent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GenAI log records → genai_log_events rows, and folding rows back into span content. */
class LogEventsTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";
    private final Normalizer normalizer = new Normalizer();

    @Test
    void normalize_nonGenAiOrUnjoinableRecords_giveNothing() {
        assertThat(normalizer.normalize(record("app.log", "hello", 0, TRACE, SPAN))).isEmpty();
        assertThat(normalizer.normalize(record("", "hello", 0, TRACE, SPAN))).isEmpty();
        assertThat(normalizer.normalize(record("gen_ai.user.message", "hi", 0, "", ""))).isEmpty();
    }

    @Test
    void normalize_messageEvent_canonicalMessageAndStableId() {
        NormalizedLogEvent e = normalizer.normalize(record("gen_ai.user.message", Map.of("content", "hi"), 3, TRACE, SPAN)).orElseThrow();
        assertThat(e.message()).isEqualTo("{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]}");
        assertThat(e.sequence()).isEqualTo(3);
        assertThat(e.attributes()).containsEntry("sightline.log.sequence", "3").containsEntry("gen_ai.system", "openai");
        assertThat(e.serviceName()).isEqualTo("svc");
        NormalizedLogEvent again = normalizer.normalize(record("gen_ai.user.message", Map.of("content", "hi"), 3, TRACE, SPAN)).orElseThrow();
        assertThat(again.eventId()).isEqualTo(e.eventId());
        NormalizedLogEvent repeatedMessage = normalizer.normalize(record("gen_ai.user.message", Map.of("content", "hi"), 4, TRACE, SPAN)).orElseThrow();
        assertThat(repeatedMessage.eventId()).as("same text later in the history is another event").isNotEqualTo(e.eventId());
    }

    @Test
    void normalize_choiceAndDetailsEvents() {
        NormalizedLogEvent choice = normalizer.normalize(record("gen_ai.choice", Map.of("index", 1L, "finish_reason", "length",
                "message", Map.of("content", "cut")), 0, TRACE, SPAN)).orElseThrow();
        assertThat(choice.message()).isEqualTo("{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"cut\"}],"
                + "\"finish_reason\":\"length\",\"index\":1}");
        NormalizedLogEvent details = normalizer.normalize(record("gen_ai.client.inference.operation.details",
                Map.of("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"q\"}]}]"),
                0, TRACE, SPAN)).orElseThrow();
        assertThat(details.message()).isEqualTo("{\"input_messages\":[{\"role\":\"user\",\"parts\":[{\"type\":\"text\","
                + "\"content\":\"q\"}]}],\"output_messages\":[]}");
        NormalizedLogEvent evaluation = normalizer.normalize(record("gen_ai.evaluation.result", null, 0, TRACE, SPAN)).orElseThrow();
        assertThat(evaluation.message()).isEmpty();
    }

    @Test
    void fold_ordersByTimeThenSequence_choicesByIndex_andDropsResentCopies() {
        NormalizedLogEvent user = event("gen_ai.user.message", Map.of("content", "second"), 100, 5);
        NormalizedLogEvent system = event("gen_ai.system.message", Map.of("content", "first"), 100, 2);
        NormalizedLogEvent choice1 = event("gen_ai.choice", Map.of("index", 1L, "message", Map.of("content", "B")), 200, 7);
        NormalizedLogEvent choice0 = event("gen_ai.choice", Map.of("index", 0L, "message", Map.of("content", "A")), 200, 8);
        SpanContent c = LogEventContent.fold(List.of(choice1, user, system, choice0, user));
        assertThat(c.inputMessages()).isEqualTo("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"first\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"second\"}]}]");
        assertThat(c.outputMessages()).isEqualTo("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"A\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"B\"}]}]");
        assertThat(c.inputPreview()).isEqualTo("second");
        assertThat(c.outputPreview()).isEqualTo("A B");
        assertThat(LogEventContent.fold(List.of())).isEqualTo(SpanContent.EMPTY);
    }

    @Test
    void fold_eventsOfTwoSpans_isRejected() {
        NormalizedLogEvent a = event("gen_ai.user.message", Map.of("content", "x"), 1, 0);
        NormalizedLogEvent b = normalizer.normalize(record("gen_ai.user.message", Map.of("content", "y"), 1,
                TRACE, "1111111111111111")).orElseThrow();
        assertThatThrownBy(() -> LogEventContent.fold(List.of(a, b))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergeInto_fillsOnlyWhatTheSpanLacks() {
        SpanContent span = new SpanContent("", "", "", "", "{\"a\":1}", "", "", "", "", "", "");
        SpanContent merged = LogEventContent.mergeInto(span, List.of(event("gen_ai.user.message", Map.of("content", "hey"), 1, 0)));
        assertThat(merged.inputMessages()).contains("hey");
        assertThat(merged.toolArguments()).isEqualTo("{\"a\":1}");
        assertThat(merged.inputPreview()).isEqualTo("hey");
    }

    private NormalizedLogEvent event(String name, Object body, long time, int sequence) {
        return normalizer.normalize(new RawLogRecord(time, time, TRACE, SPAN, 9, "", name, body,
                Attributes.EMPTY, Attributes.of("service.name", "svc"), "s", "", sequence)).orElseThrow();
    }

    private static RawLogRecord record(String name, Object body, int sequence, String trace, String span) {
        return new RawLogRecord(10, 11, trace, span, 9, "INFO", name, body,
                Attributes.of("gen_ai.system", "openai"), Attributes.of("service.name", "svc"), "scope", "1", sequence);
    }

    @Test
    void record_withoutBody_usesItsAttributesAsThePayload() {
        Optional<NormalizedLogEvent> e = normalizer.normalize(new RawLogRecord(1, 1, TRACE, SPAN, 9, "", "gen_ai.user.message",
                null, Attributes.of("content", "from attributes"), Attributes.EMPTY, "", "", 0));
        assertThat(e).get().extracting(NormalizedLogEvent::message).asString().contains("from attributes");
    }

    @Test
    void recordsWithoutBody_sameTimeAndPosition_differentPayloads_areDifferentEvents() {
        NormalizedLogEvent a = normalizer.normalize(new RawLogRecord(1, 1, TRACE, SPAN, 9, "", "gen_ai.user.message",
                null, Attributes.of("content", "first question"), Attributes.EMPTY, "", "", 0)).orElseThrow();
        NormalizedLogEvent b = normalizer.normalize(new RawLogRecord(1, 1, TRACE, SPAN, 9, "", "gen_ai.user.message",
                null, Attributes.of("content", "second question"), Attributes.EMPTY, "", "", 0)).orElseThrow();

        assertThat(a.eventId()).isNotEqualTo(b.eventId());
    }
}
