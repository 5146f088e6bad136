package io.sightline.query.metrics;

import io.sightline.clickhouse.Statement;
import io.sightline.query.internal.ApiException;
import io.sightline.query.internal.Params;
import java.util.List;
import java.util.Set;

/** Filters of the metrics endpoints; '' means "not filtered". {@code type} is the span type counted. */
record MetricFilters(String type, String model, String provider, String service,
    String serviceVersion, String environment, String promptVersion, String agent, String tool,
    String userId) {

  static final Set<String> NAMES = Set.of("type", "model", "provider", "service",
      "serviceVersion", "environment", "promptVersion", "agent", "tool", "userId");
  static final List<String> TYPES = List.of("llm", "embedding", "retriever", "reranker", "tool",
      "agent", "workflow", "chain", "guardrail", "evaluator", "other", "all");

  static MetricFilters read(Params p) {
    String type = p.choice("type", TYPES, "llm");
    return new MetricFilters(type.equals("all") ? "" : type, p.string("model"),
        p.string("provider"), p.string("service"), p.string("serviceVersion"),
        p.string("environment"), p.string("promptVersion"), p.string("agent"), p.string("tool"),
        p.string("userId"));
  }

  void checkFeedback() {
    if (!promptVersion.isEmpty()) {
      throw ApiException.badParameter("promptVersion",
          "feedback metrics cannot be filtered by prompt version");
    }
  }

  Statement bind(Statement s) {
    return s.bind("type", type).bind("model", model).bind("provider", provider)
        .bind("service", service).bind("service_version", serviceVersion)
        .bind("environment", environment).bind("prompt_version", promptVersion)
        .bind("agent", agent).bind("tool", tool).bind("user", userId);
  }
}
