package io.sightline.clickhouse.schema;

import java.util.ArrayList;
import java.util.List;

/** Splits a SQL file into statements at semicolons outside quotes and comments. */
final class SqlStatements {
  private SqlStatements() {}

  static List<String> split(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
        cur.append(sql, i, end);
        i = end;
      } else if (c == '\'' || c == '`' || c == '"') {
        int j = i + 1;
        while (j < sql.length() && sql.charAt(j) != c) {
          if (sql.charAt(j) == '\\') {
            j++;
          }
          j++;
        }
        cur.append(sql, i, Math.min(j + 1, sql.length()));
        i = j + 1;
      } else if (c == ';') {
        add(out, cur);
        cur.setLength(0);
        i++;
      } else {
        cur.append(c);
        i++;
      }
    }
    add(out, cur);
    return out;
  }

  private static void add(List<String> out, StringBuilder cur) {
    String s = cur.toString().strip();
    boolean onlyComments = s.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"));
    if (!onlyComments) {
      out.add(s);
    }
  }

  /** The statement without its full-line comments. */
  static String withoutComments(String statement) {
    StringBuilder sb = new StringBuilder();
    for (String line : statement.split("\n")) {
      if (!line.strip().startsWith("--")) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString().strip();
  }
}
