package io.sightline.ingest.normalize;

import io.sightline.ingest.model.AttributeValues;
import io.sightline.ingest.model.Json;
import io.sightline.ingest.model.NormalizedLogEvent;
import io.sightline.ingest.model.RawLogRecord;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GenAI events sent as log records → {@code genai_log_events} rows. Records whose event name does
 * not start with {@code gen_ai.}, or that carry no trace and span id to join on, are not GenAI
 * content and give nothing.
 */
final class LogNormalizer {
    private LogNormalizer() {}

    static Optional<NormalizedLogEvent> normalize(RawLogRecord r) {
        String name = r.eventName();
        if (!name.startsWith(OtelGenAiRules.EVENT_PREFIX) || r.traceId().isEmpty() || r.spanId().isEmpty()) {
            return Optional.empty();
        }
        // Some SDKs put the event payload in attributes instead of the body.
        Object body = r.body() != null ? r.body() : EventMessages.toMap(r.attributes());
        String message = message(name, body);
        Map<String, String> attributes = HashMap.newHashMap(r.attributes().size() + 1);
        for (int i = 0; i < r.attributes().size(); i++) {
            attributes.put(r.attributes().key(i), AttributeValues.asString(r.attributes().value(i)));
        }
        attributes.put(NormalizedLogEvent.SEQUENCE_ATTRIBUTE, Integer.toString(r.sequence()));
        long time = r.effectiveTimeNanos();
        // The payload identifies the event wherever it came from: records sharing a time and a
        // position (one per export) differ only there.
        long eventId = EventIds.of(r.traceId(), r.spanId(), time, name, r.sequence(), Json.write(body));
        return Optional.of(new NormalizedLogEvent(r.traceId(), r.spanId(), time, r.sequence(), name,
                r.resource().getString("service.name"), message, eventId, Collections.unmodifiableMap(attributes)));
    }

    /** Canonical JSON for the {@code message} column (see {@link NormalizedLogEvent#message()}). */
    static String message(String eventName, Object body) {
        if (EventMessages.isChoice(eventName)) {
            Map<String, Object> m = EventMessages.choice(body, true);
            return m == null ? "" : Json.write(m);
        }
        if (eventName.equals(OtelGenAiRules.DETAILS_EVENT) && body instanceof Map<?, ?> b) {
            Map<String, Object> out = new LinkedHashMap<>(4);
            List<Object> system = SystemInstructions.parts(b.get(OtelGenAiRules.SYSTEM_INSTRUCTIONS));
            if (!system.isEmpty()) {
                out.put("system_instructions", system);
            }
            out.put("input_messages", Messages.fromAny(b.get(OtelGenAiRules.INPUT_MESSAGES), "user"));
            out.put("output_messages", Messages.fromAny(b.get(OtelGenAiRules.OUTPUT_MESSAGES), "assistant"));
            return Json.write(out);
        }
        Map<String, Object> m = EventMessages.message(eventName, body);
        return m == null ? "" : Json.write(m);
    }
}
