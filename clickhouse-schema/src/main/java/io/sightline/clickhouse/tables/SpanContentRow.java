package io.sightline.clickhouse.tables;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of {@code span_content} (migration 0002): the span's full content in canonical
 * OpenTelemetry GenAI message JSON, redacted and size-capped before it gets here.
 */
public record SpanContentRow(
    String projectId,
    int contentRetentionDays,
    String traceId,
    String spanId,
    Instant startTime,
    Instant ingestedAt,
    String systemInstructions,
    String inputMessages,
    String outputMessages,
    String toolDefinitions,
    String toolArguments,
    String toolResult,
    String retrievalDocuments,
    String genericInput,
    String genericOutput,
    List<String> truncatedFields,
    long originalBytes,
    long redactionCount) {

  public SpanContentRow {
    Objects.requireNonNull(projectId, "projectId == null");
    Objects.requireNonNull(traceId, "traceId == null");
    Objects.requireNonNull(spanId, "spanId == null");
    Objects.requireNonNull(startTime, "startTime == null");
    truncatedFields = truncatedFields == null ? List.of() : List.copyOf(truncatedFields);
  }
}
