package io.sightline.clickhouse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement failed in ClickHouse or on the way to it. Carries ClickHouse's numeric error code
 * (0 when the failure happened before ClickHouse answered), the error name when ClickHouse gave
 * one ({@code UNKNOWN_TABLE}), ClickHouse's message and the statement that failed. The statement
 * is the SQL text with its placeholders; bound parameter values are never included, so the
 * exception is safe to log.
 */
public final class ClickHouseException extends RuntimeException {
  private static final Pattern CODE = Pattern.compile("Code: (\\d+)[.,]");
  private static final Pattern NAME = Pattern.compile("\\(([A-Z][A-Z0-9_]+)\\)");

  /** Error codes that mean "the store is temporarily unable to take work": retry later. */
  private static final java.util.Set<Integer> TRANSIENT = java.util.Set.of(
      159, // TIMEOUT_EXCEEDED
      202, // TOO_MANY_SIMULTANEOUS_QUERIES
      209, // SOCKET_TIMEOUT
      210, // NETWORK_ERROR
      241, // MEMORY_LIMIT_EXCEEDED
      252, // TOO_MANY_PARTS
      242, // TABLE_IS_READ_ONLY
      319, // UNKNOWN_STATUS_OF_INSERT
      394, // QUERY_WAS_CANCELLED
      425, // SYSTEM_ERROR
      999  // KEEPER_EXCEPTION
  );

  private final int code;
  private final String serverMessage;
  private final String errorName;
  private final String statementName;
  private final String sql;

  public ClickHouseException(int code, String errorName, String message, String statementName,
      String sql, Throwable cause) {
    super(describe(message, statementName), cause);
    this.code = code;
    this.serverMessage = message;
    this.errorName = errorName == null ? "" : errorName;
    this.statementName = statementName == null ? "" : statementName;
    this.sql = sql == null ? "" : sql;
  }

  /**
   * Builds the exception from ClickHouse's own error text, reading the code and name from it.
   * ClickHouse quotes the statement with its parameters substituted; the bound string values are
   * elided from the message so it never carries user content.
   */
  public static ClickHouseException fromServerMessage(String message, Statement statement) {
    String text = message == null ? null : elideParameters(message, statement.params());
    return fromServerMessage(text, statement.name(), statement.sql());
  }

  /** Replaces every bound string value (quoted or bare) in {@code message} with its placeholder. */
  static String elideParameters(String message, java.util.Map<String, Object> params) {
    String out = message;
    for (java.util.Map.Entry<String, Object> e : params.entrySet()) {
      java.util.List<Object> values = e.getValue() instanceof java.util.Collection<?> c
          ? new java.util.ArrayList<>(c) : java.util.Collections.singletonList(e.getValue());
      for (Object v : values) {
        if (v instanceof String s && s.length() >= 3) {
          String marker = "{" + e.getKey() + "}";
          String quoted = "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
          out = out.replace(quoted, marker).replace(s, marker);
        }
      }
    }
    return out;
  }

  public static ClickHouseException fromServerMessage(String message, String name, String sql) {
    String text = message == null ? "unknown error" : message.strip();
    Matcher c = CODE.matcher(text);
    int code = c.find() ? Integer.parseInt(c.group(1)) : 0;
    Matcher n = NAME.matcher(text);
    String errorName = "";
    while (n.find()) {
      errorName = n.group(1);
      break;
    }
    return new ClickHouseException(code, errorName, text, name, sql, null);
  }

  private static String describe(String message, String statementName) {
    return statementName == null || statementName.isEmpty()
        ? message
        : "[" + statementName + "] " + message;
  }

  /** ClickHouse's numeric error code, or 0 when ClickHouse did not answer. */
  public int code() {
    return code;
  }

  /** ClickHouse's message (parameter values elided), without the statement name. */
  public String serverMessage() {
    return serverMessage;
  }

  /** ClickHouse's error name, for example {@code UNKNOWN_TABLE}, or empty. */
  public String errorName() {
    return errorName;
  }

  /** The name of the statement that failed (its SQL file or constant name). */
  public String statementName() {
    return statementName;
  }

  /** The SQL text of the failed statement, with placeholders, never with parameter values. */
  public String sql() {
    return sql;
  }

  /** True when retrying later may succeed: the store was unreachable, overloaded or timed out. */
  public boolean isTransient() {
    return code == 0 || TRANSIENT.contains(code);
  }
}
