package io.sightline.genai.redact;

import java.util.Locale;

/** What a match is replaced with. */
public enum RedactionMode {
  /** A typed placeholder: {@code <EMAIL>}. */
  PLACEHOLDER,
  /**
   * A typed keyed hash, {@code <EMAIL:3f2a9c1d>}: the first 8 hex digits of HMAC-SHA256 over the
   * family and the normalised value, so equal values stay linkable without being readable.
   */
  HASH;

  /** {@code placeholder} or {@code hash}, case-insensitively. */
  public static RedactionMode parse(String name) {
    String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    for (RedactionMode m : values()) {
      if (m.name().equals(n)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown redaction mode '" + name
        + "' (expected placeholder or hash)");
  }
}
