package io.sightline.query.sessions;

import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Row;
import io.sightline.query.internal.ApiException;
import io.sightline.query.spans.SpanLoader;
import io.sightline.query.spans.SpanTree;
import io.sightline.query.spans.TraceBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads a session: its member traces (session_traces) and all their spans as one forest. */
final class SessionReader {
  static final int MAX_TRACES = 1000;
  private final ClickHouseGateway gateway;
  private final SpanLoader loader;

  SessionReader(ClickHouseGateway gateway, SpanLoader loader) {
    this.gateway = gateway;
    this.loader = loader;
  }

  record Loaded(String sessionId, String userId, List<TraceBounds> traces, SpanTree tree,
      boolean truncated) {}

  Loaded load(String project, String sessionId) {
    List<Row> members = gateway.query(Statement.load(SessionReader.class, "session_traces")
        .bind("project", project).bind("session", sessionId).bind("max_traces", MAX_TRACES + 1));
    if (members.isEmpty()) {
      throw ApiException.notFound("no session " + sessionId);
    }
    String user = null;
    List<String> ids = new ArrayList<>();
    for (Row r : members.subList(0, Math.min(members.size(), MAX_TRACES))) {
      ids.add(r.string("trace_id"));
      if (user == null && !r.string("uid").isEmpty()) {
        user = r.string("uid");
      }
    }
    // Membership rows only see spans that carried the session id; trace_index has full bounds.
    Map<String, TraceBounds> bounds = loader.bounds(project, ids);
    List<TraceBounds> traces = ids.stream().map(bounds::get).filter(b -> b != null)
        .sorted(java.util.Comparator.comparing(TraceBounds::start)).toList();
    for (TraceBounds b : traces) {
      if (user == null && !b.userId().isEmpty()) {
        user = b.userId();
      }
    }
    SpanLoader.Loaded loaded = loader.load(project, traces);
    return new Loaded(sessionId, user, traces, SpanTree.of(loaded.spans()),
        loaded.truncated() || members.size() > MAX_TRACES);
  }
}
