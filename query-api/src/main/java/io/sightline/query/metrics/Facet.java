package io.sightline.query.metrics;

/** The facet endpoints: which rollup column lists values, and which span types count. */
enum Facet {
  MODELS("m.request_model", "AND m.obs_type IN ('llm', 'embedding')"),
  SERVICES("m.service_name", ""),
  AGENTS("m.agent_name", "AND m.obs_type IN ('agent', 'workflow')"),
  TOOLS("m.tool_name", "AND m.obs_type = 'tool'"),
  USERS(null, null);

  final String column;
  final String typeFilter;

  Facet(String column, String typeFilter) {
    this.column = column;
    this.typeFilter = typeFilter;
  }
}
