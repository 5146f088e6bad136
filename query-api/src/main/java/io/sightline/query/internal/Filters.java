package io.sightline.query.internal;

import io.sightline.clickhouse.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters the list endpoints share. Empty strings and zeros mean "not filtered"; SQL tests
 * for that with bound parameters, so every filter always binds.
 */
public record Filters(String service, String serviceVersion, String environment, String model,
    String provider, String sessionId, String userId, String agent, String tool, String status,
    long minDurationNanos, double minCostUsd, String query, Map<String, String> attributes) {

  public static final Set<String> NAMES = Set.of("service", "serviceVersion", "environment",
      "model", "provider", "sessionId", "userId", "agent", "tool", "status", "minDurationMs",
      "minCostUsd", "q");

  public static Filters read(Params p) {
    String status = p.choice("status", List.of("error", "ok"), "");
    Double minDurationMs = p.nonNegativeNumber("minDurationMs");
    Double minCost = p.nonNegativeNumber("minCostUsd");
    String session = p.string("sessionId");
    if (session.length() > Ids.MAX_SESSION_ID) {
      throw ApiException.badParameter("sessionId", "longer than " + Ids.MAX_SESSION_ID + " characters");
    }
    return new Filters(p.string("service"), p.string("serviceVersion"), p.string("environment"),
        p.string("model"), p.string("provider"), session, p.string("userId"), p.string("agent"),
        p.string("tool"), status,
        minDurationMs == null ? 0 : Math.round(minDurationMs * 1e6), minCost == null ? 0 : minCost,
        p.string("q"), p.attributes());
  }

  /** Binds every filter parameter the list statements use. */
  public Statement bind(Statement s) {
    return s.bind("service", service).bind("service_version", serviceVersion)
        .bind("environment", environment).bind("model", model).bind("provider", provider)
        .bind("session", sessionId).bind("user", userId).bind("agent", agent).bind("tool", tool)
        .bind("status", status).bind("min_duration_ns", minDurationNanos)
        .bind("min_cost", minCostUsd).bind("q", query)
        .bind("attr_keys", List.copyOf(attributes.keySet()))
        .bind("attr_values", List.copyOf(attributes.values()));
  }
}
