package io.sightline.query.sessions;

import io.javalin.http.Context;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.query.analysis.Analysis;
import io.sightline.query.analysis.Analyzer;
import io.sightline.query.graph.AgentGraph;
import io.sightline.query.internal.ApiLimits;
import io.sightline.query.internal.Filters;
import io.sightline.query.internal.Ids;
import io.sightline.query.internal.Json;
import io.sightline.query.internal.Paging;
import io.sightline.query.internal.Params;
import io.sightline.query.internal.ProjectAuth;
import io.sightline.query.internal.TimeRange;
import io.sightline.query.spans.SpanLoader;
import io.sightline.query.turns.Turn;
import io.sightline.query.turns.TurnBuilder;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code /api/v1/sessions}: the list, one session's turns and steps, its graph and analysis. */
public final class SessionRoutes {
  private static final Set<String> LIST_PARAMS = listParams();
  private final SessionLister lister;
  private final SessionReader reader;
  private final FeedbackSummaries feedback;
  private final Analyzer analyzer;
  private final ApiLimits limits;
  private final InstantSource clock;

  public SessionRoutes(ClickHouseGateway gateway, SpanLoader loader, Analyzer analyzer,
      ApiLimits limits, InstantSource clock) {
    this.feedback = new FeedbackSummaries(gateway);
    this.lister = new SessionLister(gateway, loader, feedback);
    this.reader = new SessionReader(gateway, loader);
    this.analyzer = analyzer;
    this.limits = limits;
    this.clock = clock;
  }

  private static Set<String> listParams() {
    Set<String> s = new HashSet<>(Filters.NAMES);
    s.removeAll(List.of("q"));
    s.addAll(List.of("from", "to", "sort", "order", "limit", "cursor"));
    return Set.copyOf(s);
  }

  public void list(Context ctx) {
    Params p = Params.of(ctx, LIST_PARAMS, false);
    TimeRange range = TimeRange.read(p, clock, limits.defaultRange(), limits.maxRange());
    Filters filters = Filters.read(p);
    SessionSort sort = SessionSort.of(p.choice("sort", SessionSort.names(), "lastSeen"));
    Paging paging = Paging.read(p, sort.param, limits);
    Json.send(ctx, lister.list(ProjectAuth.project(ctx), range, filters, sort, paging));
  }

  public void detail(Context ctx) {
    String project = ProjectAuth.project(ctx);
    SessionReader.Loaded s = load(ctx, project, SpanLoader.Detail.STEPS);
    List<Turn> turns = TurnBuilder.build(s.tree());
    FeedbackSummary fb = feedback.of(project, List.of(s.sessionId()))
        .getOrDefault(s.sessionId(), FeedbackSummary.NONE);
    Json.send(ctx, SessionDetail.of(s, turns, fb));
  }

  public void graph(Context ctx) {
    Json.send(ctx, AgentGraph.of(load(ctx, ProjectAuth.project(ctx), SpanLoader.Detail.STEPS).tree()));
  }

  public void analysis(Context ctx) {
    // Analysis reads raw attributes too (an HTTP 429 may only be there).
    SessionReader.Loaded s = load(ctx, ProjectAuth.project(ctx), SpanLoader.Detail.FULL);
    List<Turn> turns = TurnBuilder.build(s.tree());
    Json.send(ctx, new Analysis(null, s.sessionId(), turns.size(), s.tree().all().size(),
        analyzer.analyze(turns)));
  }

  private SessionReader.Loaded load(Context ctx, String project, SpanLoader.Detail detail) {
    Params.of(ctx, Set.of(), false);
    return reader.load(project, Ids.sessionId("sessionId", ctx.pathParam("sessionId")), detail);
  }
}
