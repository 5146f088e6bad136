package io.sightline.ingest.model;

/** OTLP span status code; {@link #columnValue()} is the {@code spans.status_code} enum name. */
public enum StatusCode {
    UNSET, OK, ERROR;

    /** The OTLP enum number (0–2); unknown numbers map to UNSET. */
    public static StatusCode forNumber(int n) {
        return switch (n) {
            case 1 -> OK;
            case 2 -> ERROR;
            default -> UNSET;
        };
    }

    public String columnValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
