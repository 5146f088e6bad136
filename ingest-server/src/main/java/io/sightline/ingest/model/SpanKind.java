package io.sightline.ingest.model;

/** OTLP span kind; {@link #columnValue()} is the {@code spans.span_kind} enum name. */
public enum SpanKind {
    UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER;

    private static final SpanKind[] BY_NUMBER = values();

    /** The OTLP enum number (0–5); unknown numbers map to UNSPECIFIED. */
    public static SpanKind forNumber(int n) {
        return n >= 0 && n < BY_NUMBER.length ? BY_NUMBER[n] : UNSPECIFIED;
    }

    public String columnValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
