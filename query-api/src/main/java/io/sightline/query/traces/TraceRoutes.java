package io.sightline.query.traces;

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
import io.sightline.query.turns.TurnBuilder;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code /api/v1/traces}: the list, one trace's span tree, its agent graph and its analysis. */
public final class TraceRoutes {
  private static final Set<String> LIST_PARAMS = listParams();
  private final TraceLister lister;
  private final TraceReader reader;
  private final Analyzer analyzer;
  private final ApiLimits limits;
  private final InstantSource clock;

  public TraceRoutes(ClickHouseGateway gateway, TraceReader reader, Analyzer analyzer,
      ApiLimits limits, InstantSource clock) {
    this.lister = new TraceLister(gateway);
    this.reader = reader;
    this.analyzer = analyzer;
    this.limits = limits;
    this.clock = clock;
  }

  private static Set<String> listParams() {
    Set<String> s = new HashSet<>(Filters.NAMES);
    s.addAll(List.of("from", "to", "sort", "order", "limit", "cursor"));
    return Set.copyOf(s);
  }

  public void list(Context ctx) {
    Params p = Params.of(ctx, LIST_PARAMS, true);
    TimeRange range = TimeRange.read(p, clock, limits.defaultRange(), limits.maxRange());
    Filters filters = Filters.read(p);
    TraceSort sort = TraceSort.of(p.choice("sort", TraceSort.names(), "start"));
    Paging paging = Paging.read(p, sort.param, limits);
    Json.send(ctx, lister.list(ProjectAuth.project(ctx), range, filters, sort, paging));
  }

  public void detail(Context ctx) {
    Params.of(ctx, Set.of(), false);
    String id = Ids.traceId("traceId", ctx.pathParam("traceId"));
    TraceReader.Loaded t = reader.load(ProjectAuth.project(ctx), id);
    Json.send(ctx, TraceDetail.of(id, t.tree(), t.truncated()));
  }

  public void graph(Context ctx) {
    Params.of(ctx, Set.of(), false);
    String id = Ids.traceId("traceId", ctx.pathParam("traceId"));
    Json.send(ctx, AgentGraph.of(reader.load(ProjectAuth.project(ctx), id).tree()));
  }

  public void analysis(Context ctx) {
    Params.of(ctx, Set.of(), false);
    String id = Ids.traceId("traceId", ctx.pathParam("traceId"));
    TraceReader.Loaded t = reader.load(ProjectAuth.project(ctx), id);
    var turns = TurnBuilder.build(t.tree());
    Json.send(ctx, new Analysis(id, null, turns.size(), t.tree().all().size(),
        analyzer.analyze(turns)));
  }
}
