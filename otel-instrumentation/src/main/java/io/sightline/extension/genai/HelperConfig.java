package io.sightline.extension.genai;

import java.util.Locale;

/**
 * Settings read by the code that runs inside applications (helpers), once, from system properties
 * and then environment variables ({@code otel.x-y.z} → {@code OTEL_X_Y_Z}). The agent-side
 * settings live in {@code io.sightline.extension.agent.ExtensionSettings}; docs/java-agent.md lists both.
 */
public final class HelperConfig {
  /** Upstream's switch, honoured so that one flag turns content capture on for everything. */
  public static final String CAPTURE_CONTENT = "otel.instrumentation.genai.capture-message-content";
  public static final String CONTENT_MAX_LENGTH = "otel.instrumentation.sightline.content.max-length";
  public static final String STREAM_MAX_DURATION = "otel.instrumentation.sightline.stream.max-duration";
  public static final String OPENAI_STREAM_INCLUDE_USAGE = "otel.instrumentation.sightline.openai.stream-include-usage";

  static final boolean captureContent = bool(CAPTURE_CONTENT, false);
  /** Characters per content attribute (JSON included); longer content is cut part by part. */
  static final int contentMaxLength = integer(CONTENT_MAX_LENGTH, 16384);
  /** Streams still open after this long end their span with {@code sightline.stream.end=timeout}. */
  static final long streamMaxDurationMillis = duration(STREAM_MAX_DURATION, 10 * 60 * 1000L);
  public static final boolean openAiStreamIncludeUsage = bool(OPENAI_STREAM_INCLUDE_USAGE, false);

  private HelperConfig() {}

  public static boolean captureContent() {
    return captureContent;
  }

  static String get(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return value == null ? null : value.trim();
  }

  static boolean bool(String property, boolean defaultValue) {
    String value = get(property);
    return value == null || value.isEmpty() ? defaultValue : Boolean.parseBoolean(value);
  }

  static int integer(String property, int defaultValue) {
    String value = get(property);
    try {
      return value == null || value.isEmpty() ? defaultValue : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      ExtensionLog.once("config." + property, "ignoring " + property + "=" + value + ": not an integer", null);
      return defaultValue;
    }
  }

  /** Durations as OpenTelemetry writes them: a number with an optional ms, s, m or h suffix (default ms). */
  static long duration(String property, long defaultMillis) {
    String value = get(property);
    if (value == null || value.isEmpty()) {
      return defaultMillis;
    }
    try {
      String v = value.toLowerCase(Locale.ROOT);
      if (v.endsWith("ms")) {
        return Long.parseLong(v.substring(0, v.length() - 2).trim());
      }
      long unit = v.endsWith("s") ? 1000L : v.endsWith("m") ? 60_000L : v.endsWith("h") ? 3_600_000L : 1L;
      String digits = unit == 1L ? v : v.substring(0, v.length() - 1).trim();
      return Long.parseLong(digits) * unit;
    } catch (NumberFormatException e) {
      ExtensionLog.once("config." + property, "ignoring " + property + "=" + value + ": not a duration", null);
      return defaultMillis;
    }
  }
}
