package io.sightline.query.metrics;

import io.sightline.clickhouse.format.Row;
import java.math.BigDecimal;
import java.util.List;

/** What one bucket of one group adds up to: calls, tokens, cost, quantiles and feedback. */
record Aggregates(long calls, long errors, long modelCalls, long inputTokens, long outputTokens,
    long cachedTokens, BigDecimal cost, long unpricedCalls, List<Double> latencyNs,
    List<Double> ttft, long ratingCount, Double ratingAvg, long thumbs, long thumbsDown) {

  static final Aggregates EMPTY = new Aggregates(0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, List.of(),
      List.of(), 0, null, 0, 0);

  static Aggregates calls(Row r) {
    return new Aggregates(r.longValue("calls"), r.longValue("errs"), r.longValue("model_calls"),
        r.longValue("tin"), r.longValue("tout"), r.longValue("tcache"), r.decimal("cost"),
        r.longValue("unpriced"), r.list("dq"), r.list("tq"), 0, null, 0, 0);
  }

  Aggregates withFeedback(Row r) {
    long ratings = r.longValue("ratings");
    return new Aggregates(calls, errors, modelCalls, inputTokens, outputTokens, cachedTokens, cost,
        unpricedCalls, latencyNs, ttft, ratings, ratings == 0 ? null : r.doubleValue("rating_avg"),
        r.longValue("thumbs"), r.longValue("thumbs_down"));
  }

  Double latencyMs(int i) {
    return calls == 0 ? null : finite(latencyNs, i, 1e6);
  }

  Double ttftMs(int i) {
    return finite(ttft, i, 1);
  }

  private static Double finite(List<Double> q, int i, double divisor) {
    if (q == null || q.size() <= i || q.get(i) == null || !Double.isFinite(q.get(i))) {
      return null;
    }
    double v = q.get(i) / divisor;
    return v == 0 && divisor == 1 ? null : Math.round(v * 1000) / 1000.0;
  }
}
