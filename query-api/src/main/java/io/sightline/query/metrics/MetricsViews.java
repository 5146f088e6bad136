package io.sightline.query.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Response bodies of the metrics endpoints. */
final class MetricsViews {
  private MetricsViews() {}

  record Quantiles(Double p50, Double p95, Double p99) {}

  record Summary(Instant from, Instant to, String type, String source, long requests,
      long errors, Double errorRate, Quantiles latencyMs, Quantiles ttftMs, long inputTokens,
      long outputTokens, long cachedTokens, long totalTokens, BigDecimal costUsd,
      long unpricedCalls, Double unknownPriceShare, Double ratingAvg, long ratingCount,
      long thumbsCount, Double thumbsDownRate) {}

  record Point(Instant time, Double value) {}

  record Series(String group, double total, List<Point> points) {}

  record Timeseries(String metric, String groupBy, String interval, long intervalSeconds,
      Instant from, Instant to, String type, String source, List<Series> series) {}

  record Facet(String name, long calls, long errors, long inputTokens, long outputTokens,
      BigDecimal costUsd, Instant lastSeen) {}

  record Facets(Instant from, Instant to, List<Facet> items) {}
}
