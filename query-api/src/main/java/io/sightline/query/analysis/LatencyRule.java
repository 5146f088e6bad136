package io.sightline.query.analysis;

import static io.sightline.query.analysis.Evidence.label;
import static io.sightline.query.analysis.Evidence.map;
import static io.sightline.query.analysis.Evidence.round;

import io.sightline.query.spans.Span;
import io.sightline.query.spans.SpanTree.Node;
import io.sightline.query.turns.Step;
import io.sightline.query.turns.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency attribution: each slow enough turn's critical path, split by top-level step, and the
 * step that dominates it; streaming LLM calls slow to their first token.
 */
final class LatencyRule implements Rule {

  @Override
  public List<Finding> apply(List<Turn> turns, Thresholds t) {
    List<Finding> out = new ArrayList<>();
    for (Turn turn : turns) {
      Span root = turn.span();
      if (root.durationMillis() >= t.minTurnLatencyMs()) {
        out.add(criticalPath(turn, t));
      }
      for (Step s : turn.llmSteps()) {
        Span l = s.span();
        if (l.ttftMillis() > t.slowTtftMs()) {
          out.add(new Finding("slow_ttft", "warning", l.traceId(), turn.index(),
              List.of(l.spanId()),
              map("ttftMs", l.ttftMillis(), "thresholdMs", t.slowTtftMs(),
                  "model", l.model(), "streaming", l.streaming(),
                  "durationMs", round(l.durationMillis())),
              "The " + label(l) + " took " + l.ttftMillis() + " ms to its first token (over "
                  + t.slowTtftMs() + " ms); shorten the prompt, use a faster model or check provider load."));
        }
      }
    }
    return out;
  }

  private static Finding criticalPath(Turn turn, Thresholds t) {
    Map<Node, Long> self = CriticalPath.of(turn.root());
    double total = turn.span().durationMillis();
    Map<Step, Double> byStep = new LinkedHashMap<>();
    double attributed = 0;
    for (Step s : turn.steps()) {
      double ms = 0;
      for (Node n : s.node().subtree()) {
        ms += self.getOrDefault(n, 0L) / 1e6;
      }
      if (ms > 0) {
        byStep.put(s, ms);
        attributed += ms;
      }
    }
    Step top = null;
    for (Map.Entry<Step, Double> e : byStep.entrySet()) {
      if (top == null || e.getValue() > byStep.get(top)) {
        top = e.getKey();
      }
    }
    List<Map<String, Object>> path = new ArrayList<>();
    for (Map.Entry<Step, Double> e : byStep.entrySet()) {
      Span s = e.getKey().span();
      path.add(map("spanId", s.spanId(), "kind", e.getKey().kind(), "name", s.name(),
          "criticalMs", round(e.getValue()), "share", round(total == 0 ? 0 : e.getValue() / total)));
    }
    double share = top == null || total == 0 ? 0 : byStep.get(top) / total;
    boolean dominated = top != null && share >= t.dominantStepShare();
    List<String> ids = new ArrayList<>();
    ids.add(turn.span().spanId());
    byStep.keySet().forEach(s -> ids.add(s.span().spanId()));
    String message = dominated
        ? capital(label(top.span())) + " holds " + Math.round(share * 100) + "% of turn "
            + turn.index() + "'s " + Math.round(total) + " ms critical path; speed up that step first."
        : "Turn " + turn.index() + " took " + Math.round(total) + " ms with no single step over "
            + Math.round(t.dominantStepShare() * 100) + "% of its critical path; "
            + (attributed < total / 2 ? "most time is spent in the agent itself between steps."
                : "consider running independent steps in parallel.");
    return new Finding("latency_critical_path", dominated ? "warning" : "info",
        turn.span().traceId(), turn.index(), ids,
        map("turnLatencyMs", round(total), "dominantSpanId", top == null ? null : top.span().spanId(),
            "dominantShare", round(share), "agentOverheadMs", round(Math.max(0, total - attributed)),
            "path", path),
        message);
  }

  private static String capital(String s) {
    return FailureRule.capital(s);
  }
}
