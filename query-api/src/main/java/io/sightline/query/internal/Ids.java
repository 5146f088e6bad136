package io.sightline.query.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and canonicalises ids taken from paths, parameters and bodies. */
public final class Ids {
  private static final Pattern TRACE = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern SPAN = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  public static final int MAX_SESSION_ID = 256;

  private Ids() {}

  /** 32 hex digits (lower-cased), not all zero. */
  public static String traceId(String name, String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (!TRACE.matcher(v).matches() || v.chars().allMatch(c -> c == '0')) {
      throw ApiException.badParameter(name, "expected a trace id of 32 hex digits, got '"
          + Params.excerpt(v) + "'");
    }
    return v;
  }

  /** 16 hex digits (lower-cased), not all zero. */
  public static String spanId(String name, String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (!SPAN.matcher(v).matches() || v.chars().allMatch(c -> c == '0')) {
      throw ApiException.badParameter(name, "expected a span id of 16 hex digits, got '"
          + Params.excerpt(v) + "'");
    }
    return v;
  }

  /** Any 1-256 characters without control characters: session ids are chosen by applications. */
  public static String sessionId(String name, String value) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty() || v.length() > MAX_SESSION_ID) {
      throw ApiException.badParameter(name, "expected a session id of 1-" + MAX_SESSION_ID
          + " characters");
    }
    return Params.checkText(name, v);
  }

  public static java.util.UUID uuid(String name, String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (!UUID.matcher(v).matches()) {
      throw ApiException.badParameter(name, "expected a UUID, got '" + Params.excerpt(v) + "'");
    }
    return java.util.UUID.fromString(v);
  }
}
