package io.sightline.clickhouse.tables;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code genai_log_events} (migration 0003): a GenAI message that arrived as an OTLP
 * log record, in canonical message JSON, tied to its span by trace and span id.
 */
public record LogEventRow(
    String projectId,
    int contentRetentionDays,
    String traceId,
    String spanId,
    long eventId,
    Instant time,
    Instant ingestedAt,
    String eventName,
    String serviceName,
    String message,
    Map<String, String> attributes) {

  public LogEventRow {
    Objects.requireNonNull(projectId, "projectId == null");
    Objects.requireNonNull(traceId, "traceId == null");
    Objects.requireNonNull(spanId, "spanId == null");
    Objects.requireNonNull(time, "time == null");
    attributes = attributes == null ? Map.of() : attributes;
  }
}
