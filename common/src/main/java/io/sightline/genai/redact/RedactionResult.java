package io.sightline.genai.redact;

import java.util.Collections;
import java.util.Set;

/** A redacted text, how many spans were replaced and which families (or pattern names) they were. */
public final class RedactionResult {
  private final String text;
  private final int count;
  private final Set<String> categories;

  RedactionResult(String text, int count, Set<String> categories) {
    this.text = text;
    this.count = count;
    this.categories = categories;
  }

  static RedactionResult unchanged(String text) {
    return new RedactionResult(text, 0, Collections.<String>emptySet());
  }

  /** The text with every match replaced; the very same string when nothing matched. */
  public String text() {
    return text;
  }

  /** How many spans were replaced. */
  public int count() {
    return count;
  }

  /** Sorted names of what was found: {@link RedactionFamily} names and user pattern names. */
  public Set<String> categories() {
    return categories;
  }

  @Override
  public String toString() {
    return "RedactionResult{count=" + count + ", categories=" + categories + "}";
  }
}
