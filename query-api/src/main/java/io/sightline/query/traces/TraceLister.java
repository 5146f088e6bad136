package io.sightline.query.traces;

import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.SqlResources;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Row;
import io.sightline.query.internal.Cursor;
import io.sightline.query.internal.Filters;
import io.sightline.query.internal.Page;
import io.sightline.query.internal.Paging;
import io.sightline.query.internal.SqlTemplate;
import io.sightline.query.internal.TimeRange;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pages through the traces of a time window from {@code trace_index}. */
final class TraceLister {
  private final ClickHouseGateway gateway;

  TraceLister(ClickHouseGateway gateway) {
    this.gateway = gateway;
  }

  Page<TraceSummary> list(String project, TimeRange range, Filters f, TraceSort sort, Paging paging) {
    StringBuilder spanFilter = new StringBuilder();
    if (!f.attributes().isEmpty()) {
      spanFilter.append(SqlResources.load(TraceLister.class, "span_filter_attributes")).append('\n');
    }
    if (!f.query().isEmpty()) {
      spanFilter.append(SqlResources.load(TraceLister.class, "span_filter_search")).append('\n');
    }
    Statement st = SqlTemplate.load(TraceLister.class, "trace_list", Map.of(
        "sort", sort.sql,
        "span_filter", spanFilter.toString(),
        "cursor_op", paging.descending() ? "<" : ">",
        "order", paging.descending() ? "DESC" : "ASC"));
    Cursor c = paging.cursor();
    st = f.bind(st).bind("project", project).bind("from", range.from()).bind("to", range.to())
        .bind("has_cursor", c == null ? 0 : 1).bind("cursor_value", c == null ? 0L : c.value())
        .bind("cursor_id", c == null ? "" : c.id()).bind("limit", paging.limit() + 1);
    List<Row> rows = gateway.query(st);
    List<TraceSummary> items = new ArrayList<>();
    for (Row r : rows.subList(0, Math.min(rows.size(), paging.limit()))) {
      items.add(summary(r));
    }
    String next = null;
    if (rows.size() > paging.limit()) {
      Row last = rows.get(paging.limit() - 1);
      next = new Cursor(paging.cursorSort(sort.param), last.longValue("sort_value"),
          last.string("trace_id")).encode();
    }
    return new Page<>(items, next);
  }

  private static TraceSummary summary(Row r) {
    long errors = r.longValue("errors");
    BigDecimal cost = r.decimal("cost");
    long unpriced = r.longValue("unpriced");
    long in = r.longValue("tokens_in");
    long out = r.longValue("tokens_out");
    String service = r.string("root_svc");
    List<String> services = r.list("svc_set");
    if (service.isEmpty() && !services.isEmpty()) {
      service = services.stream().sorted().findFirst().orElse("");
    }
    return new TraceSummary(r.string("trace_id"), emptyToNull(r.string("root_span")),
        r.string("root"), r.instant("trace_start"), r.instant("trace_end"),
        Duration.between(r.instant("trace_start"), r.instant("trace_end")).toNanos() / 1e6,
        errors > 0 ? "error" : "ok", service, sorted(r.list("model_set")),
        sorted(r.list("agent_set")), r.longValue("spans"), r.longValue("llm"),
        r.longValue("tool"), errors, in, out, r.longValue("tokens_cached"), in + out,
        unpriced > 0 && cost.signum() == 0 ? null : cost.stripTrailingZeros(), unpriced,
        emptyToNull(r.string("sid")), emptyToNull(r.string("uid")), r.string("root_in"),
        r.string("root_out"));
  }

  static List<String> sorted(List<String> l) {
    return l.stream().sorted().toList();
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
