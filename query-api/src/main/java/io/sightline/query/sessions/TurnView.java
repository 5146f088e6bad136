package io.sightline.query.sessions;

import io.sightline.query.spans.Span;
import io.sightline.query.spans.SpanTree;
import io.sightline.query.spans.Usage;
import io.sightline.query.turns.Turn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One turn: the user's request, the answer, what it cost and the steps in between. */
record TurnView(int index, String traceId, String spanId, String name, String type,
    String agentName, Instant start, Instant end, double latencyMs, String status, String input,
    String output, Usage usage, BigDecimal costUsd, long unpricedCalls, int errorCount,
    int llmCalls, int toolCalls, List<StepView> steps) {

  static TurnView of(Turn t) {
    Span s = t.span();
    SpanTree.Rollup r = t.root().rollup();
    // Steps joined from outside the root's subtree count too.
    Usage usage = r.usage();
    var cost = r.cost();
    int errors = r.errorCount();
    for (var step : t.steps()) {
      if (!t.root().contains(step.node())) {
        usage = usage.plus(step.node().rollup().usage());
        cost = cost.plus(step.node().rollup().cost());
        errors += step.node().rollup().errorCount();
      }
    }
    var all = t.allSteps();
    return new TurnView(t.index(), s.traceId(), s.spanId(), s.name(), s.obsType(),
        StepView.emptyToNull(s.agentName()), s.start(), s.end(), s.durationMillis(),
        s.isError() ? "error" : "ok", t.input(), t.output(), usage, cost.usd(),
        cost.unpricedCalls(), errors, (int) all.stream().filter(x -> x.kind().equals("llm")).count(),
        (int) all.stream().filter(x -> x.kind().equals("tool")).count(),
        t.steps().stream().map(StepView::of).toList());
  }
}
