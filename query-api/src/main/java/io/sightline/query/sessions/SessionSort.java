package io.sightline.query.sessions;

import java.util.Arrays;
import java.util.List;

/** Sort keys of the session list, as Int64 SQL expressions so the cursor stays exact. */
enum SessionSort {
  LAST_SEEN("lastSeen", "toUnixTimestamp64Nano(greatest(max(m.ls), max(tr.te)))",
      "toUnixTimestamp64Nano(max(a.last_seen))"),
  FIRST_SEEN("firstSeen", "toUnixTimestamp64Nano(least(min(m.fs), min(tr.ts)))",
      "toUnixTimestamp64Nano(min(a.first_seen))"),
  COST("cost", "toInt64(sum(tr.tcost) * 1000000000)", null),
  TOKENS("tokens", "toInt64(sum(tr.tin) + sum(tr.tout))", null),
  ERRORS("errors", "toInt64(sum(tr.errs))", null),
  TRACES("traces", "toInt64(count())", "toInt64(uniqExact(a.trace_id))");

  final String param;
  final String sql;
  /** The same key from membership alone (session_page.sql), or null when it needs trace totals. */
  final String membershipSql;

  SessionSort(String param, String sql, String membershipSql) {
    this.param = param;
    this.sql = sql;
    this.membershipSql = membershipSql;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(s -> s.param).toList();
  }

  static SessionSort of(String param) {
    return Arrays.stream(values()).filter(s -> s.param.equals(param)).findFirst().orElseThrow();
  }
}
