package io.sightline.query.internal;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed, validated query parameters of one request. Built with the names the route accepts, so an
 * unknown or misspelt parameter fails with 400 naming it instead of being silently ignored.
 */
public final class Params {
  public static final String ATTR_PREFIX = "attr.";
  private static final Pattern ATTR_KEY = Pattern.compile("[A-Za-z0-9_.:/-]{1,128}");
  private static final int MAX_VALUE_CHARS = 1024;
  private static final int MAX_ATTRS = 16;

  private final Context ctx;

  private Params(Context ctx) {
    this.ctx = ctx;
  }

  /** Accepts only {@code allowed} names (and {@code attr.<key>} when {@code attrs} is true). */
  public static Params of(Context ctx, Set<String> allowed, boolean attrs) {
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      String name = e.getKey();
      if (attrs && name.startsWith(ATTR_PREFIX)) {
        continue;
      }
      if (!allowed.contains(name)) {
        throw ApiException.badParameter(name, "unknown parameter; accepted: "
            + String.join(", ", allowed.stream().sorted().toList())
            + (attrs ? ", attr.<key>" : ""));
      }
      if (e.getValue().size() > 1) {
        throw ApiException.badParameter(name, "given more than once");
      }
    }
    return new Params(ctx);
  }

  /** The trimmed value, or "" when absent; refuses control characters and overlong values. */
  public String string(String name) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return "";
    }
    return checkText(name, v.strip());
  }

  public Instant instant(String name) {
    String v = string(name);
    if (v.isEmpty()) {
      return null;
    }
    Instant t;
    try {
      t = Instant.parse(v);
    } catch (DateTimeParseException e) {
      if (!v.matches("\\d{10,13}")) {
        throw ApiException.badParameter(name,
            "expected an ISO-8601 instant such as 2026-11-27T10:00:00Z or epoch milliseconds, got '"
                + excerpt(v) + "'");
      }
      // Epoch seconds (10-11 digits) or milliseconds (12-13 digits), as dashboards often send.
      long n = Long.parseLong(v);
      t = v.length() >= 12 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
    }
    if (t.isBefore(Instant.EPOCH) || !t.isBefore(LATEST)) {
      throw ApiException.badParameter(name, "must lie between 1970 and 2262 (nanosecond timestamps), got '"
          + excerpt(v) + "'");
    }
    return t;
  }

  /** Timestamps are stored as signed 64-bit nanoseconds since 1970. */
  private static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE);

  public long nonNegativeLong(String name, long defaultValue) {
    String v = string(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        throw ApiException.badParameter(name, "must not be negative, got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, "expected a whole number, got '" + excerpt(v) + "'");
    }
  }

  /** A non-negative decimal number, or null when absent. */
  public Double nonNegativeNumber(String name) {
    String v = string(name);
    if (v.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (!(d >= 0) || Double.isInfinite(d)) {
        throw ApiException.badParameter(name, "must be a non-negative number, got " + v);
      }
      return d;
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, "expected a number, got '" + excerpt(v) + "'");
    }
  }

  /** A duration like {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, or null. */
  public Duration duration(String name) {
    String v = string(name).toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return null;
    }
    var m = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)").matcher(v);
    if (!m.matches()) {
      throw ApiException.badParameter(name,
          "expected a duration such as 500ms, 30s, 5m, 1h or 1d, got '" + excerpt(v) + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** One of {@code choices} (case-insensitive), or {@code defaultValue} when absent. */
  public String choice(String name, List<String> choices, String defaultValue) {
    String v = string(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    for (String c : choices) {
      if (c.equalsIgnoreCase(v)) {
        return c;
      }
    }
    throw ApiException.badParameter(name, "must be one of " + String.join(", ", choices)
        + ", got '" + excerpt(v) + "'");
  }

  /** The {@code attr.<key>=<value>} filters in request order. */
  public Map<String, String> attributes() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : ctx.queryParamMap().keySet()) {
      if (!name.startsWith(ATTR_PREFIX)) {
        continue;
      }
      String key = name.substring(ATTR_PREFIX.length());
      if (!ATTR_KEY.matcher(key).matches()) {
        throw ApiException.badParameter(name,
            "attribute key must be 1-128 letters, digits or . _ : / -");
      }
      out.put(key, string(name));
    }
    if (out.size() > MAX_ATTRS) {
      throw ApiException.badParameter(ATTR_PREFIX + "*", "at most " + MAX_ATTRS + " attribute filters");
    }
    return out;
  }

  static String checkText(String name, String v) {
    if (v.length() > MAX_VALUE_CHARS) {
      throw ApiException.badParameter(name, "longer than " + MAX_VALUE_CHARS + " characters");
    }
    for (int i = 0; i < v.length(); i++) {
      if (Character.isISOControl(v.charAt(i))) {
        throw ApiException.badParameter(name, "contains a control character");
      }
    }
    return v;
  }

  static String excerpt(String v) {
    return v.length() <= 64 ? v : v.substring(0, 64) + "...";
  }
}
