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

  Loaded load(String project, String sessionId, SpanLoader.Detail detail) {
    List<Row> rows = gateway.query(Statement.load(SessionReader.class, "session_traces")
        .bind("project", project).bind("session", sessionId).bind("max_traces", MAX_TRACES + 1));
    if (rows.isEmpty()) {
      throw ApiException.notFound("no session " + sessionId);
    }
    String user = null;
    List<TraceBounds> traces = new ArrayList<>();
    for (Row r : rows.subList(0, Math.min(rows.size(), MAX_TRACES))) {
      traces.add(new TraceBounds(r.string("trace_id"), r.instant("start_time"),
          r.instant("end_time"), r.string("session_id"), r.string("user_id")));
      if (user == null && !r.string("user_id").isEmpty()) {
        user = r.string("user_id");
      }
    }
    SpanLoader.Loaded loaded = loader.load(project, traces, detail);
    return new Loaded(sessionId, user, traces, SpanTree.of(loaded.spans()),
        loaded.truncated() || rows.size() > MAX_TRACES);
  }
}
