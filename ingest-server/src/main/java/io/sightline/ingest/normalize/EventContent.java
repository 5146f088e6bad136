package io.sightline.ingest.normalize;

import io.sightline.ingest.model.Attributes;
import io.sightline.ingest.model.RawEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Content carried by span events: OTel v1.26–v1.27 {@code gen_ai.content.prompt/completion},
 * per-message events put on the span instead of the logs signal, the v1.37+ details event, and
 * Traceloop's {@code db.query.result} documents.
 */
final class EventContent {
    final List<Map<String, Object>> input = new ArrayList<>(0);
    final List<Map<String, Object>> output = new ArrayList<>(0);
    final List<Object> systemInstructions = new ArrayList<>(0);
    final List<Map<String, Object>> documents = new ArrayList<>(0);
    /** True when any pre-1.37 content event was present (marks an OTel legacy producer). */
    boolean legacy;

    /** True when any event carries content (most spans have none, or only exceptions). */
    static boolean anyContent(List<RawEvent> events) {
        for (RawEvent e : events) {
            if (carriesContent(e.name())) {
                return true;
            }
        }
        return false;
    }

    static EventContent of(List<RawEvent> events) {
        EventContent c = new EventContent();
        for (RawEvent e : events) {
            c.add(e);
        }
        return c;
    }

    private void add(RawEvent e) {
        String name = e.name();
        Attributes a = e.attributes();
        switch (name) {
            case OtelLegacyRules.PROMPT_EVENT -> {
                legacy = true;
                input.addAll(Messages.fromAny(a.get(OtelLegacyRules.PROMPT_EVENT_ATTRIBUTE), "user"));
            }
            case OtelLegacyRules.COMPLETION_EVENT -> {
                legacy = true;
                output.addAll(Messages.fromAny(a.get(OtelLegacyRules.COMPLETION_EVENT_ATTRIBUTE), "assistant"));
            }
            case OtelGenAiRules.CHOICE_EVENT -> {
                legacy = true;
                addIfPresent(output, EventMessages.choice(EventMessages.toMap(a), false));
            }
            case OtelGenAiRules.DETAILS_EVENT -> {
                input.addAll(Messages.fromAny(a.get(OtelGenAiRules.INPUT_MESSAGES), "user"));
                output.addAll(Messages.fromAny(a.get(OtelGenAiRules.OUTPUT_MESSAGES), "assistant"));
                systemInstructions.addAll(SystemInstructions.parts(a.get(OtelGenAiRules.SYSTEM_INSTRUCTIONS)));
            }
            case TraceloopRules.DB_RESULT_EVENT -> {
                Object score = a.get(TraceloopRules.DB_RESULT_SCORE);
                documents.add(IndexedContent.document(a.get(TraceloopRules.DB_RESULT_ID),
                        a.get(TraceloopRules.DB_RESULT_DOCUMENT),
                        score != null ? score : a.get(TraceloopRules.DB_RESULT_DISTANCE),
                        a.get(TraceloopRules.DB_RESULT_METADATA)));
            }
            default -> {
                if (EventMessages.impliedRole(name) != null) {
                    legacy = true;
                    addIfPresent(input, EventMessages.message(name, EventMessages.toMap(a)));
                }
            }
        }
    }

    /** Whether an event's attributes are content (left out of the stored events column). */
    static boolean carriesContent(String eventName) {
        return switch (eventName) {
            case OtelLegacyRules.PROMPT_EVENT, OtelLegacyRules.COMPLETION_EVENT, OtelGenAiRules.CHOICE_EVENT,
                    OtelGenAiRules.DETAILS_EVENT, TraceloopRules.DB_RESULT_EVENT, TraceloopRules.CHUNK_EVENT -> true;
            default -> EventMessages.impliedRole(eventName) != null;
        };
    }

    private static void addIfPresent(List<Map<String, Object>> out, Map<String, Object> m) {
        if (m != null) {
            out.add(m);
        }
    }
}
