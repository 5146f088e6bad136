package io.sightline.query.metrics;

import java.util.Arrays;
import java.util.List;

/** Timeseries metrics; each reads one value out of a bucket's call or feedback aggregates. */
enum Metric {
  REQUESTS("requests", false),
  ERRORS("errors", false),
  ERROR_RATE("error_rate", false),
  LATENCY_P50("latency_p50", false),
  LATENCY_P95("latency_p95", false),
  LATENCY_P99("latency_p99", false),
  TTFT_P50("ttft_p50", false),
  TTFT_P95("ttft_p95", false),
  TOKENS_INPUT("tokens_input", false),
  TOKENS_OUTPUT("tokens_output", false),
  TOKENS_CACHED("tokens_cached", false),
  COST("cost", false),
  RATING_AVG("rating_avg", true),
  THUMBS_DOWN_RATE("thumbs_down_rate", true);

  final String param;
  final boolean feedback;

  Metric(String param, boolean feedback) {
    this.param = param;
    this.feedback = feedback;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(m -> m.param).toList();
  }

  static Metric of(String param) {
    return Arrays.stream(values()).filter(m -> m.param.equals(param)).findFirst().orElseThrow();
  }

  /** The value for one bucket; null when it is undefined there (a rate over no requests). */
  Double value(Aggregates a) {
    return switch (this) {
      case REQUESTS -> (double) a.calls();
      case ERRORS -> (double) a.errors();
      case ERROR_RATE -> a.calls() == 0 ? null : (double) a.errors() / a.calls();
      case LATENCY_P50 -> a.latencyMs(0);
      case LATENCY_P95 -> a.latencyMs(1);
      case LATENCY_P99 -> a.latencyMs(2);
      case TTFT_P50 -> a.ttftMs(0);
      case TTFT_P95 -> a.ttftMs(1);
      case TOKENS_INPUT -> (double) a.inputTokens();
      case TOKENS_OUTPUT -> (double) a.outputTokens();
      case TOKENS_CACHED -> (double) a.cachedTokens();
      case COST -> a.cost().doubleValue();
      case RATING_AVG -> a.ratingCount() == 0 ? null : a.ratingAvg();
      case THUMBS_DOWN_RATE -> a.thumbs() == 0 ? null : (double) a.thumbsDown() / a.thumbs();
    };
  }
}
