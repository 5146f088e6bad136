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
  final boolean at;

  private TextProfile(int digits, int uppers, int dots, int colons, boolean at) {
    this.digits = digits;
    this.uppers = uppers;
    this.dots = dots;
    this.colons = colons;
    this.at = at;
  }

  static TextProfile of(String text) {
    int digits = 0;
    int uppers = 0;
    int dots = 0;
    int colons = 0;
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
      } else if (c == '@') {
        at = true;
      }
    }
    return new TextProfile(digits, uppers, dots, colons, at);
  }
}
