package io.sightline.clickhouse.tables;

import io.sightline.clickhouse.format.Column;
import io.sightline.clickhouse.format.InsertBatch;
import io.sightline.clickhouse.format.InsertFormat;
import java.util.List;

/** Encodes {@link ScoreRow}s for {@code scores}; columns mirror migration 0006. */
public final class ScoresTable {
  public static final String NAME = "scores";

  public static final List<Column> COLUMNS = List.of(
      Column.of("project_id", "LowCardinality(String)"),
      Column.of("score_id", "UUID"),
      Column.of("target_type", "Enum8('span' = 1, 'trace' = 2, 'session' = 3)"),
      Column.of("target_id", "String"),
      Column.of("trace_id", "String"),
      Column.of("span_id", "String"),
      Column.of("session_id", "String"),
      Column.of("name", "LowCardinality(String)"),
      Column.of("data_type", "Enum8('numeric' = 1, 'categorical' = 2, 'boolean' = 3)"),
      Column.of("value", "Float64"),
      Column.of("string_value", "String"),
      Column.of("comment", "String"),
      Column.of("source", "Enum8('user' = 1, 'reviewer' = 2, 'automatic' = 3)"),
      Column.of("user_id", "String"),
      Column.of("metadata", "Map(String, String)"),
      Column.of("created_at", "DateTime64(3, 'UTC')"),
      Column.of("updated_at", "DateTime64(3, 'UTC')"),
      Column.of("is_deleted", "UInt8"),
      Column.of("retention_days", "UInt16"));

  private ScoresTable() {}

  public static InsertBatch batch(List<ScoreRow> rows, InsertFormat format) {
    InsertBatch.Builder b = InsertBatch.builder(NAME, COLUMNS, format);
    for (ScoreRow r : rows) {
      b.addRow(r.projectId(), r.scoreId(), r.targetType(), r.targetId(), r.traceId(), r.spanId(),
          r.sessionId(), r.name(), r.dataType(), r.value(), r.stringValue(), r.comment(),
          r.source(), r.userId(), r.metadata(), r.createdAt(), r.updatedAt(),
          r.deleted() ? 1 : 0, r.retentionDays());
    }
    return b.build();
  }
}
