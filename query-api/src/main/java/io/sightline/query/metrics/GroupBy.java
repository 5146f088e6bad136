package io.sightline.query.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Dimensions a timeseries can be split by, with the SQL expression for each source: the
 * per-minute rollup (null: not carried there, read spans instead), raw spans, and feedback
 * scores (null: feedback cannot be split this way).
 */
enum GroupBy {
  NONE("none", "''", "''", "''"),
  MODEL("model", "m.request_model", "s.request_model", "arrayJoin(d.models)"),
  PROVIDER("provider", "m.provider", "s.provider", "arrayJoin(d.providers)"),
  SERVICE("service", "m.service_name", "s.service_name", "arrayJoin(d.services)"),
  SERVICE_VERSION("serviceVersion", "m.service_version", "s.service_version",
      "arrayJoin(d.versions)"),
  PROMPT_VERSION("promptVersion", "m.prompt_version", "s.prompt_version", null),
  ENVIRONMENT("environment", "m.environment", "s.environment", "arrayJoin(d.envs)"),
  AGENT("agent", "m.agent_name", "s.agent_name", "arrayJoin(d.agents)"),
  TOOL("tool", "m.tool_name", "s.tool_name", "arrayJoin(d.tools)"),
  USER("user", null, "if(s.user_id != '', s.user_id, u.tu)", "if(d.tu != '', d.tu, sc.user_id)");

  final String param;
  final String rollup;
  final String spans;
  final String scores;

  GroupBy(String param, String rollup, String spans, String scores) {
    this.param = param;
    this.rollup = rollup;
    this.spans = spans;
    this.scores = scores;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(g -> g.param).toList();
  }

  static GroupBy of(String param) {
    return Arrays.stream(values()).filter(g -> g.param.equals(param)).findFirst().orElseThrow();
  }
}
