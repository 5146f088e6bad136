package io.sightline.clickhouse.tables;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of a score (migration 0006): feedback or an automatic score on a span, trace or
 * session. A later version (greater {@code updatedAt}) of the same id replaces it; a version
 * with {@code deleted} set removes it.
 */
public record ScoreRow(
    String projectId,
    UUID scoreId,
    String targetType,
    String targetId,
    String traceId,
    String spanId,
    String sessionId,
    String name,
    String dataType,
    double value,
    String stringValue,
    String comment,
    String source,
    String userId,
    Map<String, String> metadata,
    Instant createdAt,
    Instant updatedAt,
    boolean deleted,
    int retentionDays) {

  public ScoreRow {
    Objects.requireNonNull(projectId, "projectId == null");
    Objects.requireNonNull(scoreId, "scoreId == null");
    Objects.requireNonNull(targetType, "targetType == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(createdAt, "createdAt == null");
    Objects.requireNonNull(updatedAt, "updatedAt == null");
    metadata = metadata == null ? Map.of() : metadata;
  }
}
