package io.sightline.genai.redact;

import java.util.Locale;

/** Finds the spans of one family (or one user pattern) in a text. */
abstract class Detector {
  /** The placeholder label and category: a family name or a user pattern name. */
  final String label;
  /** {@code null} for user patterns. */
  final RedactionFamily family;
  /** Lower wins when two detectors claim the same span. */
  final int priority;

  Detector(String label, RedactionFamily family, int priority) {
    this.label = label;
    this.family = family;
    this.priority = priority;
  }

  /** Cheap test on the profile; {@code false} means {@link #find} cannot add anything. */
  abstract boolean mayMatch(String text, TextProfile profile);

  abstract void find(String text, Matches out);

  /** The value as hashed in {@link RedactionMode#HASH}, so formatting variants link together. */
  String normalize(String value) {
    if (family == null) {
      return value;
    }
    switch (family) {
      case EMAIL:
      case IP:
        return value.toLowerCase(Locale.ROOT);
      case PHONE:
      case CARD:
      case SSN:
        return digits(value);
      case IBAN:
        return value.replace(" ", "").toUpperCase(Locale.ROOT);
      default:
        return value;
    }
  }

  private static String digits(String value) {
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }
}
