package io.sightline.query.traces;

import java.util.Arrays;
import java.util.List;

/** Sort keys of the trace list; each is an Int64 SQL expression so the cursor stays exact. */
enum TraceSort {
  START("start", "toUnixTimestamp64Nano(min(t.start_time))"),
  DURATION("duration",
      "toInt64(toUnixTimestamp64Nano(max(t.end_time)) - toUnixTimestamp64Nano(min(t.start_time)))"),
  COST("cost", "toInt64(sum(t.cost_usd) * 1000000000)"),
  TOKENS("tokens", "toInt64(sum(t.input_tokens) + sum(t.output_tokens))");

  final String param;
  final String sql;

  TraceSort(String param, String sql) {
    this.param = param;
    this.sql = sql;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(s -> s.param).toList();
  }

  static TraceSort of(String param) {
    return Arrays.stream(values()).filter(s -> s.param.equals(param)).findFirst().orElseThrow();
  }
}
