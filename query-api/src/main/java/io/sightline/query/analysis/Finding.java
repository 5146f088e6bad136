package io.sightline.query.analysis;

import java.util.List;
import java.util.Map;

/**
 * One thing the analysis found: what ({@code type}), how bad ({@code critical}, {@code warning},
 * {@code info}), where (trace, turn, spans), the numbers and excerpts behind it, and one sentence
 * a person can act on.
 */
public record Finding(String type, String severity, String traceId, Integer turn,
    List<String> spanIds, Map<String, Object> evidence, String message) {

  public Finding {
    spanIds = List.copyOf(spanIds);
    evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
  }

  int rank() {
    return switch (severity) {
      case "critical" -> 0;
      case "warning" -> 1;
      default -> 2;
    };
  }
}
