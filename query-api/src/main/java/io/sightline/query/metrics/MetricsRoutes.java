package io.sightline.query.metrics;

import io.javalin.http.Context;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Row;
import io.sightline.query.internal.ApiException;
import io.sightline.query.internal.ApiLimits;
import io.sightline.query.internal.Json;
import io.sightline.query.internal.Params;
import io.sightline.query.internal.ProjectAuth;
import io.sightline.query.internal.SqlTemplate;
import io.sightline.query.internal.TimeRange;
import io.sightline.query.metrics.MetricsReader.Key;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/metrics/*} and the facet lists ({@code /models}, {@code /services}, ...). */
public final class MetricsRoutes {
  private static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
  private static final Duration MAX_INTERVAL = Duration.ofDays(1);
  private static final Set<String> SUMMARY_PARAMS = with(MetricFilters.NAMES, "from", "to");
  private static final Set<String> SERIES_PARAMS =
      with(MetricFilters.NAMES, "from", "to", "metric", "groupBy", "interval");
  private static final Set<String> FACET_PARAMS = Set.of("from", "to", "limit");
  private final ClickHouseGateway gateway;
  private final MetricsReader reader;
  private final ApiLimits limits;
  private final InstantSource clock;

  public MetricsRoutes(ClickHouseGateway gateway, ApiLimits limits, InstantSource clock) {
    this.gateway = gateway;
    this.reader = new MetricsReader(gateway);
    this.limits = limits;
    this.clock = clock;
  }

  private static Set<String> with(Set<String> base, String... more) {
    Set<String> s = new HashSet<>(base);
    s.addAll(List.of(more));
    return Set.copyOf(s);
  }

  public void summary(Context ctx) {
    Params p = Params.of(ctx, SUMMARY_PARAMS, false);
    TimeRange range = TimeRange.read(p, clock, limits.defaultRange(), limits.maxRange());
    MetricFilters f = MetricFilters.read(p);
    // Feedback carries no prompt version: with that filter the summary has no feedback figures.
    MetricsReader.Needs needs = f.promptVersion().isEmpty() ? MetricsReader.Needs.SUMMARY
        : new MetricsReader.Needs(true, true, true, false);
    MetricsReader.Result r = reader.read(ProjectAuth.project(ctx), range, f, GroupBy.NONE, null,
        needs);
    // Without buckets or groups, calls and feedback share the one key.
    Aggregates a = r.values().values().stream().findFirst().orElse(Aggregates.EMPTY);
    Json.send(ctx, new MetricsViews.Summary(range.from(), range.to(),
        f.type().isEmpty() ? "all" : f.type(), r.source(), a.calls(), a.errors(),
        Metric.ERROR_RATE.value(a),
        new MetricsViews.Quantiles(a.latencyMs(0), a.latencyMs(1), a.latencyMs(2)),
        new MetricsViews.Quantiles(a.ttftMs(0), a.ttftMs(1), a.ttftMs(2)), a.inputTokens(),
        a.outputTokens(), a.cachedTokens(), a.inputTokens() + a.outputTokens(),
        a.cost().stripTrailingZeros(), a.unpricedCalls(),
        a.modelCalls() == 0 ? null : (double) a.unpricedCalls() / a.modelCalls(),
        a.ratingAvg(), a.ratingCount(), a.thumbs(), Metric.THUMBS_DOWN_RATE.value(a)));
  }

  public void timeseries(Context ctx) {
    Params p = Params.of(ctx, SERIES_PARAMS, false);
    TimeRange range = TimeRange.read(p, clock, limits.defaultRange(), limits.maxRange());
    String metricName = p.string("metric");
    if (metricName.isEmpty()) {
      throw ApiException.badParameter("metric", "required; one of " + String.join(", ", Metric.names()));
    }
    Metric metric = Metric.of(p.choice("metric", Metric.names(), null));
    GroupBy groupBy = GroupBy.of(p.choice("groupBy", GroupBy.names(), "none"));
    MetricFilters f = MetricFilters.read(p);
    if (metric.feedback) {
      f.checkFeedback();
      if (groupBy.scores == null) {
        throw ApiException.badParameter("groupBy", "metric " + metric.param
            + " cannot be grouped by " + groupBy.param);
      }
    }
    Duration interval = interval(p, range);
    MetricsReader.Result r = reader.read(ProjectAuth.project(ctx), range, f, groupBy, interval,
        MetricsReader.Needs.of(metric));
    Json.send(ctx, new MetricsViews.Timeseries(metric.param, groupBy.param, format(interval),
        interval.toSeconds(), range.from(), range.to(), f.type().isEmpty() ? "all" : f.type(),
        metric.feedback ? "scores" : r.source(), series(r, metric, groupBy, range, interval)));
  }

  private Duration interval(Params p, TimeRange range) {
    Duration interval = p.duration("interval");
    if (interval == null) {
      // About 60 points, rounded up to whole minutes.
      long minutes = Math.max(1, (range.span().toMinutes() + 59) / 60);
      interval = Duration.ofMinutes(Math.min(minutes, MAX_INTERVAL.toMinutes()));
    }
    if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0
        || interval.toSeconds() % 60 != 0 || interval.toMillis() % 1000 != 0) {
      throw ApiException.badParameter("interval",
          "must be whole minutes from 1m to 1d, got " + format(interval));
    }
    long points = (range.span().toSeconds() + interval.toSeconds() - 1) / interval.toSeconds();
    if (points > limits.maxTimeseriesPoints()) {
      throw ApiException.badParameter("interval", "gives " + points + " points over the range;"
          + " the maximum is " + limits.maxTimeseriesPoints() + ": use a larger interval");
    }
    return interval;
  }

  private List<MetricsViews.Series> series(MetricsReader.Result r, Metric metric, GroupBy g,
      TimeRange range, Duration interval) {
    Map<String, Map<Instant, Aggregates>> byGroup = new LinkedHashMap<>();
    Map<String, Double> weight = new LinkedHashMap<>();
    for (Map.Entry<Key, Aggregates> e : r.values().entrySet()) {
      String group = e.getKey().group();
      byGroup.computeIfAbsent(group, k -> new LinkedHashMap<>()).put(e.getKey().bucket(), e.getValue());
      Aggregates a = e.getValue();
      weight.merge(group, (double) (metric.feedback ? a.ratingCount() + a.thumbs() : a.calls()),
          Double::sum);
    }
    List<String> groups = new ArrayList<>(byGroup.keySet());
    groups.sort(Comparator.comparing((String k) -> -weight.get(k)).thenComparing(k -> k));
    long step = interval.toSeconds();
    long first = Math.floorDiv(range.from().getEpochSecond(), step) * step;
    List<MetricsViews.Series> out = new ArrayList<>();
    for (String group : groups.subList(0, Math.min(groups.size(), limits.maxSeries()))) {
      Map<Instant, Aggregates> buckets = byGroup.get(group);
      List<MetricsViews.Point> points = new ArrayList<>();
      double total = 0;
      for (long t = first; t < range.to().getEpochSecond(); t += step) {
        Instant at = Instant.ofEpochSecond(t);
        Double v = metric.value(buckets.getOrDefault(at, Aggregates.EMPTY));
        points.add(new MetricsViews.Point(at, v));
        total += v == null ? 0 : v;
      }
      out.add(new MetricsViews.Series(g == GroupBy.NONE ? null : group,
          Math.round(total * 1e9) / 1e9, points));
    }
    return out;
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    if (s % 86400 == 0) {
      return s / 86400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s % 60 == 0) {
      return s / 60 + "m";
    }
    return d.toMillis() + "ms";
  }

  public void models(Context ctx) {
    facets(ctx, Facet.MODELS);
  }

  public void services(Context ctx) {
    facets(ctx, Facet.SERVICES);
  }

  public void agents(Context ctx) {
    facets(ctx, Facet.AGENTS);
  }

  public void tools(Context ctx) {
    facets(ctx, Facet.TOOLS);
  }

  public void users(Context ctx) {
    facets(ctx, Facet.USERS);
  }

  private void facets(Context ctx, Facet facet) {
    Params p = Params.of(ctx, FACET_PARAMS, false);
    TimeRange range = TimeRange.read(p, clock, limits.defaultRange(), limits.maxRange());
    long limit = p.nonNegativeLong("limit", 100);
    if (limit < 1 || limit > limits.maxPageSize()) {
      throw ApiException.badParameter("limit", "must be between 1 and " + limits.maxPageSize()
          + ", got " + limit);
    }
    Statement st = facet == Facet.USERS
        ? Statement.load(MetricsRoutes.class, "facets_users")
        : SqlTemplate.load(MetricsRoutes.class, "facets_rollup",
            Map.of("column", facet.column, "type_filter", facet.typeFilter));
    List<MetricsViews.Facet> items = new ArrayList<>();
    for (Row r : gateway.query(st.bind("project", ProjectAuth.project(ctx))
        .bind("from", range.from()).bind("to", range.to()).bind("limit", limit))) {
      BigDecimal cost = r.decimal("cost");
      items.add(new MetricsViews.Facet(r.string("name"), r.longValue("calls"), r.longValue("errs"),
          r.longValue("tin"), r.longValue("tout"), cost.stripTrailingZeros(),
          r.instant("last_seen")));
    }
    Json.send(ctx, new MetricsViews.Facets(range.from(), range.to(), items));
  }
}
