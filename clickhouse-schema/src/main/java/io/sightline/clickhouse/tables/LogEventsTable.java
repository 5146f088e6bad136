package io.sightline.clickhouse.tables;

import io.sightline.clickhouse.format.Column;
import io.sightline.clickhouse.format.InsertBatch;
import io.sightline.clickhouse.format.InsertFormat;
import java.util.List;

/** Encodes {@link LogEventRow}s for {@code genai_log_events}; columns mirror migration 0003. */
public final class LogEventsTable {
  public static final String NAME = "genai_log_events";

  public static final List<Column> COLUMNS = List.of(
      Column.of("project_id", "LowCardinality(String)"),
      Column.of("content_retention_days", "UInt16"),
      Column.of("trace_id", "FixedString(32)"),
      Column.of("span_id", "FixedString(16)"),
      Column.of("event_id", "UInt64"),
      Column.of("time", "DateTime64(9, 'UTC')"),
      Column.of("ingested_at", "DateTime64(3, 'UTC')"),
      Column.of("event_name", "LowCardinality(String)"),
      Column.of("service_name", "LowCardinality(String)"),
      Column.of("message", "String"),
      Column.of("attributes", "Map(String, String)"));

  private LogEventsTable() {}

  public static InsertBatch batch(List<LogEventRow> rows, InsertFormat format) {
    InsertBatch.Builder b = InsertBatch.builder(NAME, COLUMNS, format);
    for (LogEventRow r : rows) {
      b.addRow(r.projectId(), r.contentRetentionDays(), r.traceId(), r.spanId(), r.eventId(),
          r.time(), r.ingestedAt(), r.eventName(), r.serviceName(), r.message(), r.attributes());
    }
    return b.build();
  }
}
