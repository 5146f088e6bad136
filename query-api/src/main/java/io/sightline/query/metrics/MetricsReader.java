package io.sightline.query.metrics;

import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Row;
import io.sightline.query.internal.SqlTemplate;
import io.sightline.query.internal.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads call and feedback aggregates per (bucket, group). Calls come from the per-minute rollup
 * unless the request needs the user, which only spans and trace_index carry.
 */
final class MetricsReader {
  private static final String NO_BUCKET = "toDateTime(0, 'UTC')";
  private static final String NO_QUANTILES = "CAST([], 'Array(Float64)')";
  private final ClickHouseGateway gateway;

  MetricsReader(ClickHouseGateway gateway) {
    this.gateway = gateway;
  }

  record Key(Instant bucket, String group) {}

  record Result(String source, Map<Key, Aggregates> values) {}

  static boolean needsSpans(MetricFilters f, GroupBy g) {
    return !f.userId().isEmpty() || g.rollup == null;
  }

  /** What to compute: call totals, latency and TTFT quantiles, feedback. */
  record Needs(boolean calls, boolean latency, boolean ttft, boolean feedback) {
    static final Needs SUMMARY = new Needs(true, true, true, true);

    static Needs of(Metric m) {
      return new Needs(!m.feedback, m.name().startsWith("LATENCY"), m.name().startsWith("TTFT"),
          m.feedback);
    }
  }

  /** {@code interval} null: one bucket for the whole range. */
  Result read(String project, TimeRange range, MetricFilters f, GroupBy g, Duration interval,
      Needs needs) {
    boolean calls = needs.calls();
    boolean feedback = needs.feedback();
    Map<Key, Aggregates> out = new LinkedHashMap<>();
    String source = "rollup";
    if (calls) {
      boolean spans = needsSpans(f, g);
      source = spans ? "spans" : "rollup";
      String column = spans ? "s.start_time" : "m.minute";
      Statement st = SqlTemplate.load(MetricsReader.class, spans ? "metrics_spans" : "metrics_rollup",
          Map.of("bucket", bucket(column, interval), "group", spans ? g.spans : g.rollup,
              "latency", !needs.latency() ? NO_QUANTILES : spans
                  ? "quantilesTDigest(0.5, 0.95, 0.99)(s.duration_ns)"
                  : "quantilesTDigestMerge(0.5, 0.95, 0.99)(m.duration_q)",
              "ttft", !needs.ttft() ? NO_QUANTILES : spans
                  ? "quantilesTDigestIf(0.5, 0.95, 0.99)(s.ttft_ms, s.ttft_ms > 0)"
                  : "quantilesTDigestIfMerge(0.5, 0.95, 0.99)(m.ttft_q)"));
      for (Row r : gateway.query(bind(st, project, range, f, interval))) {
        out.put(key(r), Aggregates.calls(r));
      }
    }
    if (feedback) {
      Statement st = SqlTemplate.load(MetricsReader.class, "metrics_scores",
          Map.of("bucket", bucket("sc.created_at", interval), "group", g.scores));
      for (Row r : gateway.query(bind(st, project, range, f, interval))) {
        out.merge(key(r), Aggregates.EMPTY.withFeedback(r), (a, b) -> a.withFeedback(r));
      }
    }
    return new Result(source, out);
  }

  private static String bucket(String column, Duration interval) {
    return interval == null ? NO_BUCKET
        : "toDateTime(toStartOfInterval(" + column + ", toIntervalSecond({interval_s:UInt32})), 'UTC')";
  }

  private static Statement bind(Statement st, String project, TimeRange range, MetricFilters f,
      Duration interval) {
    return f.bind(st).bind("project", project).bind("from", range.from()).bind("to", range.to())
        .bind("interval_s", interval == null ? 60 : interval.toSeconds());
  }

  private static Key key(Row r) {
    return new Key(r.instant("bucket"), r.string("group_key"));
  }
}
