package io.sightline.query.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyset position in a sorted list: the sort it belongs to, the last row's sort value and its id
 * as tie-breaker. Opaque to clients (base64url); a cursor from another sort is refused.
 */
public record Cursor(String sort, long value, String id) {
  private static final String VERSION = "c1";

  public String encode() {
    String raw = VERSION + "|" + sort + "|" + value + "|" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes {@code text} (null when absent) and checks it was made for {@code sort}. */
  public static Cursor decode(String text, String sort) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("cursor", "not a cursor returned by this API");
    }
    String[] parts = raw.split("\\|", 4);
    if (parts.length != 4 || !parts[0].equals(VERSION)) {
      throw ApiException.badParameter("cursor", "not a cursor returned by this API");
    }
    if (!parts[1].equals(sort)) {
      throw ApiException.badParameter("cursor", "made for sort=" + parts[1] + ", not sort=" + sort);
    }
    try {
      return new Cursor(parts[1], Long.parseLong(parts[2]), parts[3]);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("cursor", "not a cursor returned by this API");
    }
  }
}
