package io.sightline.query.sessions;

import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Row;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads feedback summaries for a set of sessions. */
final class FeedbackSummaries {
  private final ClickHouseGateway gateway;

  FeedbackSummaries(ClickHouseGateway gateway) {
    this.gateway = gateway;
  }

  Map<String, FeedbackSummary> of(String project, Collection<String> sessions) {
    Map<String, FeedbackSummary> out = new HashMap<>();
    if (sessions.isEmpty()) {
      return out;
    }
    for (Row r : gateway.query(Statement.load(FeedbackSummaries.class, "session_feedback")
        .bind("project", project).bind("sessions", List.copyOf(sessions)))) {
      long ratings = r.longValue("ratings");
      out.put(r.string("session_id"), new FeedbackSummary(r.longValue("n"), r.longValue("up"),
          r.longValue("down"), ratings, ratings == 0 ? null : r.doubleValue("rating_avg")));
    }
    return out;
  }
}
