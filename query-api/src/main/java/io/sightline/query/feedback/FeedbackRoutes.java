package io.sightline.query.feedback;

import io.javalin.http.Context;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.InsertFormat;
import io.sightline.clickhouse.format.Row;
import io.sightline.clickhouse.tables.ScoreRow;
import io.sightline.clickhouse.tables.ScoresTable;
import io.sightline.query.internal.ApiException;
import io.sightline.query.internal.Ids;
import io.sightline.query.internal.Json;
import io.sightline.query.internal.Params;
import io.sightline.query.internal.ProjectAuth;
import io.sightline.query.spans.SpanLoader;
import io.sightline.query.spans.TraceBounds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/v1/feedback}: attach a score to a trace, span or session, read them back, delete
 * one. Writes are new versions of the score row (ReplacingMergeTree), so a retried POST with the
 * same idempotency key replaces itself and a delete is a version with {@code is_deleted}.
 */
public final class FeedbackRoutes {
  private static final int MAX_LIST = 1000;
  private final ClickHouseGateway gateway;
  private final SpanLoader loader;
  private final InstantSource clock;
  private final int retentionDays;

  public FeedbackRoutes(ClickHouseGateway gateway, SpanLoader loader, InstantSource clock,
      int retentionDays) {
    this.gateway = gateway;
    this.loader = loader;
    this.clock = clock;
    this.retentionDays = retentionDays;
  }

  public void create(Context ctx) {
    Params.of(ctx, Set.of(), false);
    String project = ProjectAuth.project(ctx);
    FeedbackRequest req = FeedbackRequest.parse(ctx.bodyAsBytes());
    String sessionId = req.sessionId();
    if (!req.traceId().isEmpty()) {
      TraceBounds b = loader.bounds(project, List.of(req.traceId())).get(req.traceId());
      if (b == null) {
        throw ApiException.notFound("no trace " + req.traceId());
      }
      if (!req.spanId().isEmpty() && count(Statement.load(FeedbackRoutes.class, "span_exists")
          .bind("project", project).bind("from", b.start()).bind("to", b.end())
          .bind("trace", req.traceId()).bind("span", req.spanId())) == 0) {
        throw ApiException.notFound("no span " + req.spanId() + " in trace " + req.traceId());
      }
      sessionId = sessionId.isEmpty() ? b.sessionId() : sessionId;
    } else if (count(Statement.load(FeedbackRoutes.class, "session_exists")
        .bind("project", project).bind("session", sessionId)) == 0) {
      throw ApiException.notFound("no session " + sessionId);
    }
    UUID id = req.idempotencyKey().isEmpty() ? UUID.randomUUID()
        : UUID.nameUUIDFromBytes((project + "\n" + req.idempotencyKey()).getBytes(StandardCharsets.UTF_8));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String targetId = switch (req.targetType()) {
      case "span" -> req.spanId();
      case "trace" -> req.traceId();
      default -> sessionId;
    };
    Row existing = byId(project, id);
    // A replacement must land on the same sort key (target and name) to replace on merge.
    if (existing != null && !(existing.string("target_type").equals(req.targetType())
        && existing.string("target_id").equals(targetId) && existing.string("name").equals(req.name()))) {
      throw ApiException.conflict("idempotencyKey", "already used for " + existing.string("name")
          + " on " + existing.string("target_type") + " " + existing.string("target_id")
          + "; a key can only replace the same score");
    }
    // created_at is the partition key: a replacement keeps it so both versions meet on merge.
    Instant created = existing == null ? now : existing.instant("created_at");
    Instant updated = existing == null ? now : later(now, existing.instant("updated_at"));
    gateway.insert(ScoresTable.batch(List.of(new ScoreRow(project, id, req.targetType(), targetId,
        req.traceId(), req.spanId(), sessionId, req.name(), req.dataType(), req.value(),
        req.stringValue(), req.comment(), req.source(), req.userId(), req.metadata(), created,
        updated, false, retentionDays)), InsertFormat.NATIVE));
    ctx.status(existing == null ? 201 : 200);
    Json.send(ctx, FeedbackView.of(byId(project, id)));
  }

  public void list(Context ctx) {
    Params p = Params.of(ctx, Set.of("traceId", "sessionId"), false);
    String project = ProjectAuth.project(ctx);
    String trace = p.string("traceId");
    String session = p.string("sessionId");
    if (trace.isEmpty() == session.isEmpty()) {
      throw ApiException.badParameter("traceId", "give exactly one of traceId or sessionId");
    }
    Statement st;
    if (!trace.isEmpty()) {
      trace = Ids.traceId("traceId", trace);
      if (loader.bounds(project, List.of(trace)).isEmpty()) {
        throw ApiException.notFound("no trace " + trace);
      }
      st = Statement.load(FeedbackRoutes.class, "feedback_by_trace").bind("trace", trace);
    } else {
      session = Ids.sessionId("sessionId", session);
      if (count(Statement.load(FeedbackRoutes.class, "session_exists").bind("project", project)
          .bind("session", session)) == 0) {
        throw ApiException.notFound("no session " + session);
      }
      st = Statement.load(FeedbackRoutes.class, "feedback_by_session").bind("session", session);
    }
    List<FeedbackView> items = gateway.query(st.bind("project", project).bind("limit", MAX_LIST))
        .stream().map(FeedbackView::of).toList();
    Json.send(ctx, Map.of("items", items));
  }

  public void delete(Context ctx) {
    Params.of(ctx, Set.of(), false);
    String project = ProjectAuth.project(ctx);
    UUID id = Ids.uuid("feedbackId", ctx.pathParam("feedbackId"));
    Row r = byId(project, id);
    if (r == null) {
      throw ApiException.notFound("no feedback " + id);
    }
    gateway.insert(ScoresTable.batch(List.of(new ScoreRow(project, id, r.string("target_type"),
        r.string("target_id"), r.string("trace_id"), r.string("span_id"), r.string("session_id"),
        r.string("name"), r.string("data_type"), r.doubleValue("value"), r.string("string_value"),
        r.string("comment"), r.string("source"), r.string("user_id"), r.map("metadata"),
        r.instant("created_at"), later(clock.instant().truncatedTo(ChronoUnit.MILLIS),
            r.instant("updated_at")), true, r.intValue("retention_days"))), InsertFormat.NATIVE));
    ctx.status(204);
  }

  private Row byId(String project, UUID id) {
    List<Row> rows = gateway.query(Statement.load(FeedbackRoutes.class, "feedback_by_id")
        .bind("project", project).bind("id", id));
    return rows.isEmpty() ? null : rows.getFirst();
  }

  private long count(Statement st) {
    return gateway.query(st).getFirst().longValue("n");
  }

  /** A version must be newer than the one it replaces even within one millisecond. */
  private static Instant later(Instant now, Instant previous) {
    return now.isAfter(previous) ? now : previous.plusMillis(1);
  }
}
