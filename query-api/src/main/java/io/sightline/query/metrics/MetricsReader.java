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
  private final ClickHouseGateway gateway;

  MetricsReader(ClickHouseGateway gateway) {
    this.gateway = gateway;
  }

  record Key(Instant bucket, String group) {}

  record Result(String source, Map<Key, Aggregates> values) {}

  static boolean needsSpans(MetricFilters f, GroupBy g) {
    return !f.userId().isEmpty() || g.rollup == null;
  }

  /** {@code interval} null: one bucket for the whole range. */
  Result read(String project, TimeRange range, MetricFilters f, GroupBy g, Duration interval,
      boolean calls, boolean feedback) {
    Map<Key, Aggregates> out = new LinkedHashMap<>();
    String source = "rollup";
    if (calls) {
      boolean spans = needsSpans(f, g);
      source = spans ? "spans" : "rollup";
      String column = spans ? "s.start_time" : "m.minute";
      Statement st = SqlTemplate.load(MetricsReader.class, spans ? "metrics_spans" : "metrics_rollup",
          Map.of("bucket", bucket(column, interval), "group", spans ? g.spans : g.rollup));
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
