/**
 * Plain, immutable records passed between the ingest stages: what OTLP says ({@code RawSpan},
 * {@code RawLogRecord}, with attribute values as plain Java objects in {@link
 * io.sightline.ingest.model.Attributes}) and what the normaliser makes of it ({@code
 * NormalizedSpan}, {@code SpanContent}, {@code NormalizedLogEvent}) for the {@code spans},
 * {@code span_content} and {@code genai_log_events} tables. Compact constructors validate: ids are
 * lower-case hex of the right length and not all zero, strings are never null.
 */
package io.sightline.ingest.model;
