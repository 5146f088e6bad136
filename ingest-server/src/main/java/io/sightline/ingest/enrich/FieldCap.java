package io.sightline.ingest.enrich;

import java.nio.charset.StandardCharsets;

/**
 * Caps a stored value at a byte size with an explicit marker, never silently. Content fields hold
 * JSON, so a capped content field becomes a JSON object that says so and keeps the head of the
 * original text: {@code {"sightline.truncated":true,"original_bytes":N,"head":"..."}}. Plain
 * attribute values get a text marker: {@code ...…[truncated by Sightline: N bytes]}.
 */
final class FieldCap {
  private final int maxBytes;

  FieldCap(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** UTF-8 size without allocating for ASCII text. */
  static int utf8Length(String s) {
    int n = s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return s.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return n;
  }

  boolean exceeds(String value) {
    return value.length() > maxBytes / 4 && utf8Length(value) > maxBytes;
  }

  String capJson(String json) {
    int original = utf8Length(json);
    String head = head(json, maxBytes - 200);
    StringBuilder sb = new StringBuilder(head.length() + 80);
    sb.append("{\"sightline.truncated\":true,\"original_bytes\":").append(original).append(",\"head\":\"");
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append("\"}").toString();
  }

  String capText(String text) {
    int original = utf8Length(text);
    return head(text, maxBytes - 64) + "…[truncated by Sightline: " + original + " bytes]";
  }

  /** The longest prefix of at most {@code bytes} UTF-8 bytes, never splitting a character. */
  static String head(String s, int bytes) {
    int used = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (used + len > bytes) {
        break;
      }
      used += len;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }
}
