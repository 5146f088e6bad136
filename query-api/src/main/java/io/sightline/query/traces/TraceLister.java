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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages through the traces of a time window from {@code trace_index} in two steps: pick the
 * page's trace ids ({@code trace_page.sql}), then read their exact summaries. Sorted by start
 * time, the window is scanned from the newest (or oldest) end in growing slices, so the common
 * "latest traces" page reads the last hour, not the whole day.
 */
final class TraceLister {
  private static final Duration FIRST_SLICE = Duration.ofHours(1);
  private static final int SLICE_GROWTH = 4;
  private final ClickHouseGateway gateway;

  TraceLister(ClickHouseGateway gateway) {
    this.gateway = gateway;
  }

  private record Picked(String traceId, long sortValue) {}

  Page<TraceSummary> list(String project, TimeRange range, Filters f, TraceSort sort, Paging paging) {
    List<Picked> picked = sort == TraceSort.START
        ? pickBySlices(project, range, f, paging)
        : pick(project, range, f, sort, paging, paging.limit() + 1);
    boolean more = picked.size() > paging.limit();
    List<Picked> page = picked.subList(0, Math.min(picked.size(), paging.limit()));
    Map<String, TraceSummary> summaries = summaries(project, range,
        page.stream().map(Picked::traceId).toList());
    List<TraceSummary> items = new ArrayList<>();
    for (Picked p : page) {
      TraceSummary s = summaries.get(p.traceId());
      if (s != null && stillMatches(s, range, f)) {
        items.add(s);
      }
    }
    String next = null;
    if (more) {
      Picked last = page.getLast();
      next = new Cursor(paging.cursorSort(sort.param), last.sortValue(), last.traceId()).encode();
    }
    return new Page<>(items, next);
  }

  /** Newest slice first (oldest for ascending order), each slice 4x the last, until the page fills. */
  private List<Picked> pickBySlices(String project, TimeRange range, Filters f, Paging paging) {
    Instant lo = range.from();
    Instant hi = range.to();
    Cursor c = paging.cursor();
    if (c != null) {
      Instant at = Instant.ofEpochSecond(0, c.value());
      if (paging.descending()) {
        hi = at.plusNanos(1).isBefore(hi) ? at.plusNanos(1) : hi;
      } else {
        lo = at.isAfter(lo) ? at : lo;
      }
    }
    Map<String, Picked> out = new LinkedHashMap<>();
    Duration slice = FIRST_SLICE;
    while (lo.isBefore(hi) && out.size() <= paging.limit()) {
      TimeRange window = paging.descending()
          ? new TimeRange(later(lo, hi.minus(slice)), hi)
          : new TimeRange(lo, earlier(hi, lo.plus(slice)));
      // A trace running longer than the rows read before a slice could be picked twice.
      pick(project, window, f, TraceSort.START, paging, paging.limit() + 1 - out.size())
          .forEach(p -> out.putIfAbsent(p.traceId(), p));
      if (paging.descending()) {
        hi = window.from();
      } else {
        lo = window.to();
      }
      slice = slice.multipliedBy(SLICE_GROWTH);
    }
    return List.copyOf(out.values());
  }

  private List<Picked> pick(String project, TimeRange range, Filters f, TraceSort sort,
      Paging paging, int limit) {
    StringBuilder ids = new StringBuilder();
    if (hasSetFilter(f)) {
      ids.append(SqlResources.load(TraceLister.class, "set_filter")).append('\n');
    }
    if (!f.sessionId().isEmpty()) {
      ids.append(SqlResources.load(TraceLister.class, "id_filter_session")).append('\n');
    }
    if (!f.userId().isEmpty()) {
      ids.append(SqlResources.load(TraceLister.class, "id_filter_user")).append('\n');
    }
    StringBuilder spans = new StringBuilder();
    if (!f.attributes().isEmpty()) {
      spans.append(SqlResources.load(TraceLister.class, "span_filter_attributes")).append('\n');
    }
    if (!f.query().isEmpty()) {
      spans.append(SqlResources.load(TraceLister.class, "span_filter_search")).append('\n');
    }
    Statement st = SqlTemplate.load(TraceLister.class, "trace_page", Map.of(
        "sort", sort.sql,
        "id_filter", ids.toString(),
        "span_filter", spans.toString(),
        "cursor_op", paging.descending() ? "<" : ">",
        "order", paging.descending() ? "DESC" : "ASC"));
    Cursor c = paging.cursor();
    st = f.bind(st).bind("project", project).bind("from", range.from()).bind("to", range.to())
        .bind("has_cursor", c == null ? 0 : 1).bind("cursor_value", c == null ? 0L : c.value())
        .bind("cursor_id", c == null ? "" : c.id()).bind("limit", limit);
    List<Picked> out = new ArrayList<>();
    for (Row r : gateway.query(st)) {
      out.add(new Picked(r.string("trace_id"), r.longValue("sort_value")));
    }
    return out;
  }

  /**
   * The exact row must still pass what the page pick judged on partial rows (only a trace split
   * over insert blocks can fail here); set and id filters cannot change verdict.
   */
  static boolean stillMatches(TraceSummary s, TimeRange range, Filters f) {
    return !s.start().isBefore(range.from()) && s.start().isBefore(range.to())
        && (f.status().isEmpty() || s.status().equals(f.status()))
        && Math.round(s.durationMs() * 1e6) >= f.minDurationNanos()
        && (s.costUsd() == null ? 0 : s.costUsd().doubleValue()) >= f.minCostUsd();
  }

  private static boolean hasSetFilter(Filters f) {
    return !f.service().isEmpty() || !f.serviceVersion().isEmpty() || !f.environment().isEmpty()
        || !f.model().isEmpty() || !f.provider().isEmpty() || !f.agent().isEmpty()
        || !f.tool().isEmpty() || f.status().equals("error");
  }

  private Map<String, TraceSummary> summaries(String project, TimeRange range, List<String> ids) {
    Map<String, TraceSummary> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Row r : gateway.query(Statement.load(TraceLister.class, "trace_summaries")
        .bind("project", project).bind("from", range.from()).bind("trace_ids", ids))) {
      out.put(r.string("trace_id"), summary(r));
    }
    return out;
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

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  static List<String> sorted(List<String> l) {
    return l.stream().sorted().toList();
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
