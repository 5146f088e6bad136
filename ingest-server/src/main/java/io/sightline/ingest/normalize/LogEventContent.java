package io.sightline.ingest.normalize;

import io.sightline.ingest.model.Json;
import io.sightline.ingest.model.NormalizedLogEvent;
import io.sightline.ingest.model.SpanContent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the GenAI log events of one span (OTel v1.28–v1.36 per-message events, the v1.37+ details
 * event) into span content, for the read side: message events in (time, sequence) order are the
 * input, {@code gen_ai.choice} events ordered by {@code index} the output. System messages stay in
 * the input history where the producer put them. Re-sent copies (same event id) count once.
 */
public final class LogEventContent {
    private static final Comparator<NormalizedLogEvent> ORDER =
            Comparator.comparingLong(NormalizedLogEvent::timeNanos).thenComparingInt(NormalizedLogEvent::sequence);

    private LogEventContent() {}

    /** The content the events describe (all of one span); empty content for no events. */
    public static SpanContent fold(List<NormalizedLogEvent> events) {
        List<NormalizedLogEvent> sorted = new ArrayList<>(events);
        sorted.sort(ORDER);
        List<Map<String, Object>> input = new ArrayList<>();
        List<Map<String, Object>> choices = new ArrayList<>();
        List<Object> system = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        String span = null;
        for (NormalizedLogEvent e : sorted) {
            if (span == null) {
                span = e.traceId() + e.spanId();
            } else if (!span.equals(e.traceId() + e.spanId())) {
                throw new IllegalArgumentException("events of more than one span: " + span + " and "
                        + e.traceId() + e.spanId());
            }
            if (!seen.add(e.eventId()) || e.message().isEmpty()) {
                continue;
            }
            Object parsed = Json.parse(e.message());
            if (!(parsed instanceof Map<?, ?> m)) {
                continue;
            }
            if (EventMessages.isChoice(e.eventName())) {
                choices.add(cast(m));
            } else if (e.eventName().equals(OtelGenAiRules.DETAILS_EVENT)) {
                addAll(input, m.get("input_messages"));
                addAll(choices, m.get("output_messages"));
                if (m.get("system_instructions") instanceof List<?> l) {
                    system.addAll(l);
                }
            } else {
                input.add(cast(m));
            }
        }
        choices.sort(Comparator.comparingLong(LogEventContent::index)); // stable: unindexed keep arrival order
        for (Map<String, Object> c : choices) {
            c.remove("index");
        }
        return new SpanContent(system.isEmpty() ? "" : Json.write(system), Messages.json(input),
                Messages.json(choices), "", "", "", "", "", "",
                Previews.input(input, "", ""), Previews.output(choices, "", ""));
    }

    /**
     * Span content completed from its log events: system instructions, input and output messages
     * the span itself lacks are taken from the events; previews are recomputed.
     */
    public static SpanContent mergeInto(SpanContent span, List<NormalizedLogEvent> events) {
        if (events.isEmpty()) {
            return span;
        }
        SpanContent logs = fold(events);
        SpanContent merged = new SpanContent(
                span.systemInstructions().isEmpty() ? logs.systemInstructions() : span.systemInstructions(),
                span.inputMessages().isEmpty() ? logs.inputMessages() : span.inputMessages(),
                span.outputMessages().isEmpty() ? logs.outputMessages() : span.outputMessages(),
                span.toolDefinitions(), span.toolArguments(), span.toolResult(), span.retrievalDocuments(),
                span.genericInput(), span.genericOutput(), "", "");
        return Previews.recompute(merged);
    }

    private static long index(Map<String, Object> choice) {
        return choice.get("index") instanceof Long l ? l : Long.MAX_VALUE;
    }

    private static void addAll(List<Map<String, Object>> out, Object list) {
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add(cast(m));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
