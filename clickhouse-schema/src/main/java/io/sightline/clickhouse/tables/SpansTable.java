package io.sightline.clickhouse.tables;

import io.sightline.clickhouse.format.Column;
import io.sightline.clickhouse.format.InsertBatch;
import io.sightline.clickhouse.format.InsertFormat;
import java.util.ArrayList;
import java.util.List;

/** Encodes {@link SpanRow}s for the {@code spans} table; the column list mirrors migration 0001. */
public final class SpansTable {
  public static final String NAME = "spans";

  private static final String OBS_TYPE = "Enum8('other' = 0, 'llm' = 1, 'embedding' = 2, "
      + "'retriever' = 3, 'reranker' = 4, 'tool' = 5, 'agent' = 6, 'workflow' = 7, 'chain' = 8, "
      + "'guardrail' = 9, 'evaluator' = 10)";

  public static final List<Column> COLUMNS = List.of(
      Column.of("project_id", "LowCardinality(String)"),
      Column.of("retention_days", "UInt16"),
      Column.of("trace_id", "FixedString(32)"),
      Column.of("span_id", "FixedString(16)"),
      Column.of("parent_span_id", "String"),
      Column.of("start_time", "DateTime64(9, 'UTC')"),
      Column.of("duration_ns", "UInt64"),
      Column.of("ingested_at", "DateTime64(3, 'UTC')"),
      Column.of("service_name", "LowCardinality(String)"),
      Column.of("service_version", "LowCardinality(String)"),
      Column.of("environment", "LowCardinality(String)"),
      Column.of("scope_name", "LowCardinality(String)"),
      Column.of("scope_version", "LowCardinality(String)"),
      Column.of("span_name", "LowCardinality(String)"),
      Column.of("span_kind", "Enum8('unspecified' = 0, 'internal' = 1, 'server' = 2, "
          + "'client' = 3, 'producer' = 4, 'consumer' = 5)"),
      Column.of("status_code", "Enum8('unset' = 0, 'ok' = 1, 'error' = 2)"),
      Column.of("status_message", "String"),
      Column.of("obs_type", OBS_TYPE),
      Column.of("operation_name", "LowCardinality(String)"),
      Column.of("provider", "LowCardinality(String)"),
      Column.of("request_model", "LowCardinality(String)"),
      Column.of("response_model", "LowCardinality(String)"),
      Column.of("response_id", "String"),
      Column.of("agent_name", "LowCardinality(String)"),
      Column.of("agent_id", "String"),
      Column.of("tool_name", "LowCardinality(String)"),
      Column.of("tool_call_id", "String"),
      Column.of("session_id", "String"),
      Column.of("user_id", "String"),
      Column.of("prompt_name", "LowCardinality(String)"),
      Column.of("prompt_version", "LowCardinality(String)"),
      Column.of("finish_reasons", "Array(LowCardinality(String))"),
      Column.of("error_type", "LowCardinality(String)"),
      Column.of("error_message", "String"),
      Column.of("is_streaming", "Bool"),
      Column.of("ttft_ms", "UInt32"),
      Column.of("input_tokens", "UInt32"),
      Column.of("output_tokens", "UInt32"),
      Column.of("total_tokens", "UInt32"),
      Column.of("cache_read_tokens", "UInt32"),
      Column.of("cache_write_tokens", "UInt32"),
      Column.of("reasoning_tokens", "UInt32"),
      Column.of("usage_is_rollup", "Bool"),
      Column.of("cost_usd", "Nullable(Decimal(18, 9))"),
      Column.of("cost_source", "Enum8('none' = 0, 'reported' = 1, 'computed' = 2)"),
      Column.of("price_version", "LowCardinality(String)"),
      Column.of("input_preview", "String"),
      Column.of("output_preview", "String"),
      Column.of("content_bytes", "UInt32"),
      Column.of("semconv_source", "LowCardinality(String)"),
      Column.of("span_attributes", "Map(String, String)"),
      Column.of("resource_attributes", "Map(String, String)"),
      Column.of("events.time", "Array(DateTime64(9, 'UTC'))"),
      Column.of("events.name", "Array(LowCardinality(String))"),
      Column.of("events.attributes", "Array(Map(String, String))"),
      Column.of("links.trace_id", "Array(String)"),
      Column.of("links.span_id", "Array(String)"),
      Column.of("links.attributes", "Array(Map(String, String))"));

  private SpansTable() {}

  public static InsertBatch batch(List<SpanRow> rows, InsertFormat format) {
    InsertBatch.Builder b = InsertBatch.builder(NAME, COLUMNS, format);
    for (SpanRow r : rows) {
      add(b, r);
    }
    return b.build();
  }

  public static void add(InsertBatch.Builder b, SpanRow r) {
    List<Object> eventTimes = new ArrayList<>(r.events().size());
    List<Object> eventNames = new ArrayList<>(r.events().size());
    List<Object> eventAttrs = new ArrayList<>(r.events().size());
    for (SpanRow.Event e : r.events()) {
      eventTimes.add(e.time());
      eventNames.add(e.name());
      eventAttrs.add(e.attributes());
    }
    List<Object> linkTraces = new ArrayList<>(r.links().size());
    List<Object> linkSpans = new ArrayList<>(r.links().size());
    List<Object> linkAttrs = new ArrayList<>(r.links().size());
    for (SpanRow.Link l : r.links()) {
      linkTraces.add(l.traceId());
      linkSpans.add(l.spanId());
      linkAttrs.add(l.attributes());
    }
    b.addRow(r.projectId(), r.retentionDays(), r.traceId(), r.spanId(), r.parentSpanId(),
        r.startTime(), r.durationNanos(), r.ingestedAt(), r.serviceName(), r.serviceVersion(),
        r.environment(), r.scopeName(), r.scopeVersion(), r.spanName(), r.spanKind(),
        r.statusCode(), r.statusMessage(), r.obsType(), r.operationName(), r.provider(),
        r.requestModel(), r.responseModel(), r.responseId(), r.agentName(), r.agentId(),
        r.toolName(), r.toolCallId(), r.sessionId(), r.userId(), r.promptName(),
        r.promptVersion(), r.finishReasons(), r.errorType(), r.errorMessage(), r.streaming(),
        clampUInt32(r.ttftMillis()), clampUInt32(r.inputTokens()), clampUInt32(r.outputTokens()),
        clampUInt32(r.totalTokens()), clampUInt32(r.cacheReadTokens()),
        clampUInt32(r.cacheWriteTokens()), clampUInt32(r.reasoningTokens()), r.usageIsRollup(),
        r.costUsd(), r.costSource(), r.priceVersion(), r.inputPreview(), r.outputPreview(),
        clampUInt32(r.contentBytes()), r.semconvSource(), r.spanAttributes(),
        r.resourceAttributes(), eventTimes, eventNames, eventAttrs, linkTraces, linkSpans,
        linkAttrs);
  }

  static long clampUInt32(long v) {
    return Math.max(0, Math.min(v, 0xFFFF_FFFFL));
  }
}
