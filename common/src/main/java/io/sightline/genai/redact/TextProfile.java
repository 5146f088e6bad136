package io.sightline.genai.redact;

/**
 * Character counts from one pass over a text, so detectors that cannot match (no {@code @}, too
 * few digits) are skipped without running a regex.
 */
final class TextProfile {
  final int digits;
  final int uppers;
  final int dots;
  final int colons;
  /** Colons with a hex digit or colon on both sides, as inside an IPv6 address ({@code fe80::1}). */
  final int hexColons;
  final boolean at;

  private TextProfile(int digits, int uppers, int dots, int colons, int hexColons, boolean at) {
    this.digits = digits;
    this.uppers = uppers;
    this.dots = dots;
    this.colons = colons;
    this.hexColons = hexColons;
    this.at = at;
  }

  static TextProfile of(String text) {
    int digits = 0;
    int uppers = 0;
    int dots = 0;
    int colons = 0;
    int hexColons = 0;
    boolean at = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c >= 'A' && c <= 'Z') {
        uppers++;
      } else if (c == '.') {
        dots++;
      } else if (c == ':') {
        colons++;
        if (i > 0 && i + 1 < n && hexOrColon(text.charAt(i - 1)) && hexOrColon(text.charAt(i + 1))) {
          hexColons++;
        }
      } else if (c == '@') {
        at = true;
      }
    }
    return new TextProfile(digits, uppers, dots, colons, hexColons, at);
  }

  private static boolean hexOrColon(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':';
  }

  /** True when {@code text} contains any of {@code needles} (cheap literal pre-checks). */
  static boolean containsAny(String text, String... needles) {
    for (String n : needles) {
      if (text.indexOf(n) >= 0) {
        return true;
      }
    }
    return false;
  }
}
