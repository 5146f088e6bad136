package io.sightline.query.analysis;

import io.sightline.query.spans.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers the rules share for evidence and wording. */
final class Evidence {
  static final int EXCERPT = 160;

  private Evidence() {}

  static String excerpt(String text) {
    if (text == null) {
      return "";
    }
    String t = text.strip().replaceAll("\\s+", " ");
    return t.length() <= EXCERPT ? t : t.substring(0, EXCERPT) + "...";
  }

  /** What to call a span in a sentence: tool, model or span name. */
  static String label(Span s) {
    if (!s.toolName().isEmpty()) {
      return "tool " + s.toolName();
    }
    if (s.obsType().equals("llm") || s.obsType().equals("embedding")) {
      return "LLM call to " + (s.model().isEmpty() ? s.name() : s.model());
    }
    if (!s.agentName().isEmpty()) {
      return "agent " + s.agentName();
    }
    return "span " + s.name();
  }

  static String error(Span s) {
    String m = !s.errorMessage().isEmpty() ? s.errorMessage() : s.statusMessage();
    return m.isEmpty() ? s.errorType() : m;
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
