package io.sightline.clickhouse.tables;

import io.sightline.clickhouse.format.Column;
import io.sightline.clickhouse.format.InsertBatch;
import io.sightline.clickhouse.format.InsertFormat;
import java.util.List;

/** Encodes {@link SpanContentRow}s for {@code span_content}; columns mirror migration 0002. */
public final class SpanContentTable {
  public static final String NAME = "span_content";

  public static final List<Column> COLUMNS = List.of(
      Column.of("project_id", "LowCardinality(String)"),
      Column.of("content_retention_days", "UInt16"),
      Column.of("trace_id", "FixedString(32)"),
      Column.of("span_id", "FixedString(16)"),
      Column.of("start_time", "DateTime64(9, 'UTC')"),
      Column.of("ingested_at", "DateTime64(3, 'UTC')"),
      Column.of("system_instructions", "String"),
      Column.of("input_messages", "String"),
      Column.of("output_messages", "String"),
      Column.of("tool_definitions", "String"),
      Column.of("tool_arguments", "String"),
      Column.of("tool_result", "String"),
      Column.of("retrieval_documents", "String"),
      Column.of("generic_input", "String"),
      Column.of("generic_output", "String"),
      Column.of("truncated_fields", "Array(LowCardinality(String))"),
      Column.of("original_bytes", "UInt32"),
      Column.of("redaction_count", "UInt32"));

  private SpanContentTable() {}

  public static InsertBatch batch(List<SpanContentRow> rows, InsertFormat format) {
    InsertBatch.Builder b = InsertBatch.builder(NAME, COLUMNS, format);
    for (SpanContentRow r : rows) {
      add(b, r);
    }
    return b.build();
  }

  public static void add(InsertBatch.Builder b, SpanContentRow r) {
    b.addRow(r.projectId(), r.contentRetentionDays(), r.traceId(), r.spanId(), r.startTime(),
        r.ingestedAt(), r.systemInstructions(), r.inputMessages(), r.outputMessages(),
        r.toolDefinitions(), r.toolArguments(), r.toolResult(), r.retrievalDocuments(),
        r.genericInput(), r.genericOutput(), r.truncatedFields(),
        SpansTable.clampUInt32(r.originalBytes()), SpansTable.clampUInt32(r.redactionCount()));
  }
}
