package io.sightline.genai.pricing;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a catalogue row names the models it prices. Two forms:
 *
 * <ul>
 *   <li>a <b>base model id</b> such as {@code gpt-4o} or {@code anthropic.claude-3-5-sonnet}: it
 *       matches that exact name, or that name followed by date/version suffixes only, each
 *       introduced by {@code -} or {@code @}: a date ({@code 2024-08-06}, {@code 20241022}), a
 *       3–8 digit snapshot number ({@code 001}, {@code 0613}, {@code 2411}), a version
 *       ({@code v2}, {@code v1:0}) or {@code latest}; plus Bedrock's context-size suffix
 *       ({@code :200k}).
 *       So {@code gpt-4o} matches {@code gpt-4o-2024-08-06} but not {@code gpt-4o-mini}, and
 *       {@code claude-opus-4} does not match {@code claude-opus-4-1-20250805};
 *   <li>{@code regex:<java regex>}: the whole (normalised) name must match, case-insensitively.
 * </ul>
 *
 * <p>Names are compared after {@link #normalizeModel(String)}. When several patterns match, the
 * most specific wins: an exact name, then the longest base id with a suffix, then the longest
 * regex.
 */
final class ModelPattern {
  static final String REGEX_PREFIX = "regex:";

  private static final Pattern SUFFIX = Pattern.compile(
      "(?:[-@](?:\\d{4}-\\d{2}-\\d{2}|\\d{3,8}|v\\d{1,3}(?::\\d{1,3})?|latest)|:\\d{1,4}k)+");
  private static final Pattern BASE_ID = Pattern.compile("[a-z0-9][a-z0-9._:@-]*");
  /** Bedrock cross-region inference profile prefixes ({@code us.anthropic.claude-...}). */
  private static final Pattern REGION_PREFIX =
      Pattern.compile("(?:us|us-gov|eu|apac|global|jp|au|ca)\\.(?=[a-z0-9-]+\\.)");

  private final String text;
  private final String base;
  private final Pattern regex;

  private ModelPattern(String text, String base, Pattern regex) {
    this.text = text;
    this.base = base;
    this.regex = regex;
  }

  /** Parses a pattern cell; throws {@link IllegalArgumentException} saying what is wrong. */
  static ModelPattern parse(String raw) {
    String s = raw == null ? "" : raw.trim();
    if (s.regionMatches(true, 0, REGEX_PREFIX, 0, REGEX_PREFIX.length())) {
      String body = s.substring(REGEX_PREFIX.length());
      if (body.isEmpty()) {
        throw new IllegalArgumentException("empty regex");
      }
      try {
        return new ModelPattern(REGEX_PREFIX + body, null,
            Pattern.compile(body, Pattern.CASE_INSENSITIVE));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("invalid regex '" + body + "': " + e.getDescription());
      }
    }
    String id = s.toLowerCase(Locale.ROOT);
    if (!BASE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("'" + s + "' is not a model id (letters, digits and . _ : @ -"
          + " only; use regex:... for a regular expression)");
    }
    return new ModelPattern(id, id, null);
  }

  /**
   * The name as the catalogue compares it: trimmed, lower-cased, without any path before the last
   * {@code /} ({@code openai/gpt-4o}, {@code models/gemini-2.0-flash}, Bedrock ARNs) and without a
   * Bedrock cross-region prefix ({@code us.}, {@code eu.}, {@code apac.}, {@code global.}, ...).
   */
  static String normalizeModel(String raw) {
    if (raw == null) {
      return "";
    }
    String s = raw.trim().toLowerCase(Locale.ROOT);
    s = s.substring(s.lastIndexOf('/') + 1);
    Matcher region = REGION_PREFIX.matcher(s);
    if (region.lookingAt()) {
      s = s.substring(region.end());
    }
    return s;
  }

  /**
   * How well {@code name} (already normalised) matches: {@code 0} for no match, otherwise a
   * positive rank where a larger value is a more specific match.
   */
  int rank(String name) {
    if (regex != null) {
      return regex.matcher(name).matches() ? 1_000_000 + text.length() : 0;
    }
    if (!name.startsWith(base)) {
      return 0;
    }
    if (name.length() == base.length()) {
      return 3_000_000 + base.length();
    }
    return SUFFIX.matcher(name).region(base.length(), name.length()).matches()
        ? 2_000_000 + base.length() : 0;
  }

  /** A name this pattern matches exactly, or {@code null} for a regex. */
  String exampleName() {
    return base;
  }

  boolean isRegex() {
    return regex != null;
  }

  /** The canonical pattern text: lower-cased base id, or {@code regex:} and the regex as written. */
  String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
