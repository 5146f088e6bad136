package io.sightline.query;

import io.sightline.config.Setting;
import java.util.List;

/** Settings of the query API ({@code sightline.query.*}). */
final class QuerySettings {
  static final Setting PAGE_SIZE_DEFAULT = Setting.of("sightline.query.page-size.default", "50",
      "Rows per page of the trace and session lists when 'limit' is not given.");
  static final Setting PAGE_SIZE_MAX = Setting.of("sightline.query.page-size.max", "500",
      "Largest 'limit' a list request may ask for (larger is a 400).");
  static final Setting DEFAULT_RANGE = Setting.of("sightline.query.default-range", "24h",
      "Time range of list, metrics and facet requests without 'from'.");
  static final Setting MAX_RANGE = Setting.of("sightline.query.max-range", "90d",
      "Longest from..to range a request may ask for (longer is a 400).");
  static final Setting MAX_POINTS = Setting.of("sightline.query.timeseries.max-points", "1500",
      "Most buckets one timeseries may have; a finer interval over the range is a 400.");
  static final Setting MAX_SERIES = Setting.of("sightline.query.timeseries.max-series", "20",
      "Most groups a grouped timeseries returns (the busiest first).");
  static final Setting MAX_SPANS = Setting.of("sightline.query.max-spans", "20000",
      "Most spans one trace or session detail reads; beyond it the answer is flagged truncated.");
  static final Setting FEEDBACK_RETENTION = Setting.of("sightline.query.feedback.retention-days",
      "400", "Days feedback posted through the API is kept.");
  static final Setting SLOW_TTFT = Setting.of("sightline.query.analysis.slow-ttft", "2000ms",
      "Analysis: an LLM call slower than this to its first token is reported (slow_ttft).");
  static final Setting LOOP_REPEATS = Setting.of("sightline.query.analysis.loop-repeat-count", "3",
      "Analysis: this many calls of one tool with the same arguments in a turn is a loop (tool_loop).");
  static final Setting CONTEXT_GROWTH = Setting.of("sightline.query.analysis.context-growth-factor",
      "2.0", "Analysis: last turn's prompt tokens over the first turn's at or above this is context growth.");
  static final Setting CONTEXT_GROWTH_TURNS = Setting.of(
      "sightline.query.analysis.context-growth-min-turns", "3",
      "Analysis: turns with LLM calls needed before context growth is judged.");
  static final Setting DOMINANT_SHARE = Setting.of("sightline.query.analysis.dominant-step-share",
      "0.5", "Analysis: a step holding this share of a turn's critical path dominates it (warning).");
  static final Setting MIN_TURN_LATENCY = Setting.of("sightline.query.analysis.min-turn-latency",
      "1000ms", "Analysis: turns faster than this get no latency attribution.");
  static final Setting COST_SHARE = Setting.of("sightline.query.analysis.cost-hotspot-share", "0.5",
      "Analysis: a model call with this share of the cost (or tokens) is a hot spot (warning).");
  static final Setting APOLOGY_PHRASES = Setting.of("sightline.query.analysis.apology-phrases", null,
      "Analysis: comma-separated phrases that make a final answer 'only apologise' (unset: built-in English list).");
  static final Setting REFUSAL_PHRASES = Setting.of("sightline.query.analysis.refusal-phrases", null,
      "Analysis: comma-separated phrases that make an answer a refusal (unset: built-in English list).");

  static final List<Setting> ALL = List.of(PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, DEFAULT_RANGE,
      MAX_RANGE, MAX_POINTS, MAX_SERIES, MAX_SPANS, FEEDBACK_RETENTION, SLOW_TTFT, LOOP_REPEATS,
      CONTEXT_GROWTH, CONTEXT_GROWTH_TURNS, DOMINANT_SHARE, MIN_TURN_LATENCY, COST_SHARE,
      APOLOGY_PHRASES, REFUSAL_PHRASES);

  private QuerySettings() {}
}
