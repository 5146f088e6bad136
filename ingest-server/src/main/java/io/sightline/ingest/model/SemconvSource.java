package io.sightline.ingest.model;

/** Which telemetry convention a span was read as; {@link #columnValue()} is {@code spans.semconv_source}. */
public enum SemconvSource {
    OTEL_GENAI, OTEL_GENAI_LEGACY, OPENINFERENCE, TRACELOOP, OPENLIT, VERCEL_AI, LANGFUSE, LOGFIRE, NONE;

    public String columnValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
