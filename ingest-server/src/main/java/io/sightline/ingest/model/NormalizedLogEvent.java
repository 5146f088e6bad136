package io.sightline.ingest.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * A GenAI event that arrived as an OTLP log record, for {@code genai_log_events}.
 *
 * @param sequence the record's position in its export request ({@link RawLogRecord#sequence()});
 *     also stored as attribute {@value #SEQUENCE_ATTRIBUTE} because the table has no column for it
 *     and it is the only order between events that share a timestamp
 * @param message canonical JSON: for message events one OTel GenAI message
 *     ({@code {"role":..,"parts":[..]}}); for {@code gen_ai.choice} the output message with
 *     {@code finish_reason} and {@code index}; for {@code gen_ai.client.inference.operation.details}
 *     an object with {@code system_instructions}, {@code input_messages}, {@code output_messages};
 *     "" for other events (their data stays in {@code attributes})
 * @param eventId stable 64-bit hash of trace id, span id, time, event name, sequence and body:
 *     a re-sent record gets the same id and replaces itself
 */
public record NormalizedLogEvent(
        String traceId,
        String spanId,
        long timeNanos,
        int sequence,
        String eventName,
        String serviceName,
        String message,
        long eventId,
        Map<String, String> attributes) {

    public static final String SEQUENCE_ATTRIBUTE = "sightline.log.sequence";

    public NormalizedLogEvent {
        Ids.requireTraceId(traceId, "traceId");
        Ids.requireSpanId(spanId, "spanId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(message, "message");
        attributes = Collections.unmodifiableMap(Objects.requireNonNull(attributes, "attributes"));
    }
}
