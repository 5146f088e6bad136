package io.sightline.query.sessions;

import java.util.Arrays;
import java.util.List;

/** Sort keys of the session list, as Int64 SQL expressions so the cursor stays exact. */
enum SessionSort {
  LAST_SEEN("lastSeen", "toUnixTimestamp64Nano(greatest(max(m.ls), max(tr.te)))"),
  FIRST_SEEN("firstSeen", "toUnixTimestamp64Nano(least(min(m.fs), min(tr.ts)))"),
  COST("cost", "toInt64(sum(tr.tcost) * 1000000000)"),
  TOKENS("tokens", "toInt64(sum(tr.tin) + sum(tr.tout))"),
  ERRORS("errors", "toInt64(sum(tr.errs))"),
  TRACES("traces", "toInt64(count())");

  final String param;
  final String sql;

  SessionSort(String param, String sql) {
    this.param = param;
    this.sql = sql;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(s -> s.param).toList();
  }

  static SessionSort of(String param) {
    return Arrays.stream(values()).filter(s -> s.param.equals(param)).findFirst().orElseThrow();
  }
}
