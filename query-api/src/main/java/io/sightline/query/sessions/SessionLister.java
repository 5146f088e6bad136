package io.sightline.query.sessions;

import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Row;
import io.sightline.query.internal.Cursor;
import io.sightline.query.internal.Filters;
import io.sightline.query.internal.Page;
import io.sightline.query.internal.Paging;
import io.sightline.query.internal.SqlTemplate;
import io.sightline.query.internal.TimeRange;
import io.sightline.query.spans.Span;
import io.sightline.query.spans.SpanLoader;
import io.sightline.query.spans.SpanTree;
import io.sightline.query.spans.TraceBounds;
import io.sightline.query.turns.Turn;
import io.sightline.query.turns.TurnBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pages through sessions active in a window, with totals, turn counts and feedback. */
final class SessionLister {
  private final ClickHouseGateway gateway;
  private final SpanLoader loader;
  private final FeedbackSummaries feedback;

  SessionLister(ClickHouseGateway gateway, SpanLoader loader, FeedbackSummaries feedback) {
    this.gateway = gateway;
    this.loader = loader;
    this.feedback = feedback;
  }

  Page<SessionSummary> list(String project, TimeRange range, Filters f, SessionSort sort,
      Paging paging) {
    List<Row> rows;
    // Sessions in page order as picked (limit + 1 at most), and the value each was picked by:
    // the cursor follows the pick, even when a picked session's totals come back empty.
    List<String> picked = new ArrayList<>();
    Map<String, Long> sortValues = new HashMap<>();
    if (sort.membershipSql != null && onlyMembershipFilters(f)) {
      // Pick the page from session_traces alone, then total just those sessions.
      Statement pick = paged(SqlTemplate.load(SessionLister.class, "session_page",
          fragments(sort.membershipSql, paging)), project, range, f, paging);
      for (Row r : gateway.query(pick)) {
        picked.add(r.string("session_id"));
        sortValues.put(r.string("session_id"), r.longValue("sort_value"));
      }
      Map<String, Row> full = new HashMap<>();
      if (!picked.isEmpty()) {
        for (Row r : gateway.query(paged(SqlTemplate.load(SessionLister.class, "session_list",
            fragments(sort.sql, paging)), project, range, f, paging)
            .bind("only_listed", 1).bind("session_ids", picked).bind("has_cursor", 0))) {
          full.put(r.string("session_id"), r);
        }
      }
      rows = picked.stream().map(full::get).filter(r -> r != null).toList();
    } else {
      rows = gateway.query(paged(SqlTemplate.load(SessionLister.class, "session_list",
          fragments(sort.sql, paging)), project, range, f, paging).bind("only_listed", 0)
          .bind("session_ids", List.of()));
      for (Row r : rows) {
        picked.add(r.string("session_id"));
        sortValues.put(r.string("session_id"), r.longValue("sort_value"));
      }
    }
    Set<String> pageIds = Set.copyOf(picked.subList(0, Math.min(picked.size(), paging.limit())));
    List<Row> page = rows.stream().filter(r -> pageIds.contains(r.string("session_id"))).toList();
    List<String> ids = page.stream().map(r -> r.string("session_id")).toList();
    Map<String, FeedbackSummary> fb = feedback.of(project, ids);
    Map<String, Integer> turns = turnCounts(project, page);
    List<SessionSummary> items = new ArrayList<>();
    for (Row r : page) {
      String id = r.string("session_id");
      long unpriced = r.longValue("unpriced");
      BigDecimal cost = r.decimal("cost");
      long in = r.longValue("tokens_in");
      long out = r.longValue("tokens_out");
      items.add(new SessionSummary(id, r.string("uid").isEmpty() ? null : r.string("uid"),
          r.instant("first_seen"), r.instant("last_seen"),
          Duration.between(r.instant("first_seen"), r.instant("last_seen")).toNanos() / 1e6,
          r.longValue("trace_count"), turns.getOrDefault(id, 0), r.longValue("llm"),
          r.longValue("tool"), r.longValue("errors"), in, out, r.longValue("tokens_cached"),
          in + out, unpriced > 0 && cost.signum() == 0 ? null : cost.stripTrailingZeros(),
          unpriced, sorted(r.list("models")), sorted(r.list("agents")),
          fb.getOrDefault(id, FeedbackSummary.NONE)));
    }
    String next = null;
    if (picked.size() > paging.limit()) {
      String last = picked.get(paging.limit() - 1);
      next = new Cursor(paging.cursorSort(sort.param), sortValues.get(last), last).encode();
    }
    return new Page<>(items, next);
  }

  /**
   * The session filter is all session_traces can answer; the rest need trace totals (its user id
   * comes only from spans that carry the session id, so a user filter needs them too).
   */
  private static boolean onlyMembershipFilters(Filters f) {
    return f.userId().isEmpty() && f.service().isEmpty() && f.serviceVersion().isEmpty() && f.environment().isEmpty()
        && f.model().isEmpty() && f.provider().isEmpty() && f.agent().isEmpty()
        && f.tool().isEmpty() && f.status().isEmpty() && f.minDurationNanos() == 0
        && f.minCostUsd() == 0;
  }

  private static Map<String, String> fragments(String sortSql, Paging paging) {
    return Map.of("sort", sortSql, "cursor_op", paging.descending() ? "<" : ">",
        "order", paging.descending() ? "DESC" : "ASC");
  }

  private static Statement paged(Statement st, String project, TimeRange range, Filters f,
      Paging paging) {
    Cursor c = paging.cursor();
    return f.bind(st).bind("project", project).bind("from", range.from()).bind("to", range.to())
        .bind("has_cursor", c == null ? 0 : 1).bind("cursor_value", c == null ? 0L : c.value())
        .bind("cursor_id", c == null ? "" : c.id()).bind("limit", paging.limit() + 1);
  }

  /** Turns per session of the page, from the shape of their traces (no content is read). */
  private Map<String, Integer> turnCounts(String project, List<Row> page) {
    Map<String, String> sessionOfTrace = new HashMap<>();
    List<TraceBounds> bounds = new ArrayList<>();
    for (Row r : page) {
      for (Object t : r.<Object>list("trace_ids")) {
        sessionOfTrace.put(t.toString(), r.string("session_id"));
        bounds.add(new TraceBounds(t.toString(), r.instant("first_seen"), r.instant("last_seen"),
            "", ""));
      }
    }
    List<Span> spans = loader.skeletons(project, bounds);
    Map<String, Integer> out = new HashMap<>();
    for (Turn t : TurnBuilder.build(SpanTree.of(spans))) {
      out.merge(sessionOfTrace.get(t.span().traceId()), 1, Integer::sum);
    }
    return out;
  }

  private static List<String> sorted(List<String> l) {
    return l.stream().sorted().toList();
  }
}
