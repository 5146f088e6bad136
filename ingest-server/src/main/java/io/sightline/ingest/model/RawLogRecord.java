package io.sightline.ingest.model;

import java.util.Objects;

/**
 * What one OTLP log record says.
 *
 * @param traceId "" or 32 lower-case hex digits
 * @param spanId "" or 16 lower-case hex digits
 * @param eventName the record's {@code event_name} field, else its {@code event.name} attribute, else ""
 * @param body the body as an attribute value (see {@link Attributes}), or null when absent
 * @param sequence the record's position among all log records of its export request (counting
 *     rejected ones), so a re-sent request numbers its records identically. It is the only order
 *     between records that share a timestamp (OTel JS stamps a whole prompt history with one time).
 */
public record RawLogRecord(
        long timeNanos,
        long observedTimeNanos,
        String traceId,
        String spanId,
        int severityNumber,
        String severityText,
        String eventName,
        Object body,
        Attributes attributes,
        Attributes resource,
        String scopeName,
        String scopeVersion,
        int sequence) {

    public RawLogRecord {
        traceId = Objects.requireNonNullElse(traceId, "");
        if (!traceId.isEmpty()) {
            Ids.requireTraceId(traceId, "traceId");
        }
        spanId = Objects.requireNonNullElse(spanId, "");
        if (!spanId.isEmpty()) {
            Ids.requireSpanId(spanId, "spanId");
        }
        severityText = Objects.requireNonNullElse(severityText, "");
        eventName = Objects.requireNonNullElse(eventName, "");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(resource, "resource");
        scopeName = Objects.requireNonNullElse(scopeName, "");
        scopeVersion = Objects.requireNonNullElse(scopeVersion, "");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0: " + sequence);
        }
    }

    /** The time to use: {@code time_unix_nano}, else the observed time (OTLP allows either to be unset). */
    public long effectiveTimeNanos() {
        return timeNanos != 0 ? timeNanos : observedTimeNanos;
    }
}
