package io.sightline.query.analysis;

import static io.sightline.query.analysis.Evidence.label;
import static io.sightline.query.analysis.Evidence.map;
import static io.sightline.query.analysis.Evidence.round;

import io.sightline.query.spans.Cost;
import io.sightline.query.spans.Span;
import io.sightline.query.turns.Step;
import io.sightline.query.turns.Turn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Cost and token attribution: which model calls burned most of the cost (or tokens when prices
 * are unknown), and prompts that keep growing from turn to turn.
 */
final class CostRule implements Rule {
  private static final int TOP = 3;

  @Override
  public List<Finding> apply(List<Turn> turns, Thresholds t) {
    List<Finding> out = new ArrayList<>();
    List<Step> calls = new ArrayList<>();
    for (Turn turn : turns) {
      turn.allSteps().stream().filter(s -> s.span().isModelCall() && !s.span().usageIsRollup())
          .forEach(calls::add);
    }
    if (calls.size() >= 2) {
      Finding f = attribution(turns, calls, t);
      if (f != null) {
        out.add(f);
      }
    }
    Finding growth = contextGrowth(turns, t);
    if (growth != null) {
      out.add(growth);
    }
    return out;
  }

  private static Finding attribution(List<Turn> turns, List<Step> calls, Thresholds t) {
    double totalCost = calls.stream().mapToDouble(s -> Cost.of(s.span()).dollars()).sum();
    long totalTokens = calls.stream().mapToLong(s -> tokens(s.span())).sum();
    boolean byCost = totalCost > 0;
    if (!byCost && totalTokens == 0) {
      return null;
    }
    Comparator<Step> order = byCost
        ? Comparator.comparingDouble((Step s) -> Cost.of(s.span()).dollars())
        : Comparator.comparingLong((Step s) -> tokens(s.span()));
    List<Step> top = calls.stream().sorted(order.reversed()).limit(TOP).toList();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Step s : top) {
      Span sp = s.span();
      rows.add(map("spanId", sp.spanId(), "turn", turnOf(turns, s), "model", sp.model(),
          "costUsd", sp.costUsd(), "inputTokens", sp.usage().inputTokens(),
          "outputTokens", sp.usage().outputTokens(),
          "share", round(byCost ? Cost.of(sp).dollars() / totalCost
              : (double) tokens(sp) / totalTokens)));
    }
    Span first = top.getFirst().span();
    double share = (double) rows.getFirst().get("share");
    boolean hot = share >= t.costHotspotShare();
    return new Finding("cost_attribution", hot ? "warning" : "info", first.traceId(),
        turnOf(turns, top.getFirst()), top.stream().map(s -> s.span().spanId()).toList(),
        map("basis", byCost ? "cost" : "tokens", "totalCostUsd", round6(totalCost),
            "totalTokens", totalTokens, "modelCalls", calls.size(), "top", rows),
        FailureRule.capital(label(first)) + " accounts for " + Math.round(share * 100) + "% of the "
            + (byCost ? "cost" : "tokens") + " across " + calls.size() + " model calls"
            + (hot ? "; trim its prompt or route it to a cheaper model." : "."));
  }

  /** Prompt size per turn: the first LLM call's input tokens (the history it was sent). */
  private static Finding contextGrowth(List<Turn> turns, Thresholds t) {
    List<Map<String, Object>> series = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Turn turn : turns) {
      Step first = turn.firstLlm();
      if (first != null && first.span().usage().inputTokens() > 0) {
        long v = first.span().usage().inputTokens();
        values.add(v);
        ids.add(first.span().spanId());
        series.add(map("turn", turn.index(), "inputTokens", v));
      }
    }
    if (values.size() < t.contextGrowthMinTurns()) {
      return null;
    }
    int rises = 0;
    for (int i = 1; i < values.size(); i++) {
      rises += values.get(i) > values.get(i - 1) ? 1 : 0;
    }
    double factor = (double) values.getLast() / values.getFirst();
    if (factor < t.contextGrowthFactor() || rises < (values.size() - 1 + 1) / 2) {
      return null;
    }
    return new Finding("context_growth", "warning", turns.getFirst().span().traceId(), null, ids,
        map("firstInputTokens", values.getFirst(), "lastInputTokens", values.getLast(),
            "factor", round(factor), "turns", series),
        "Prompt size grew " + round(factor) + "x over " + values.size()
            + " turns (" + values.getFirst() + " to " + values.getLast()
            + " input tokens); summarise or trim the conversation history.");
  }

  private static long tokens(Span s) {
    return s.usage().totalTokens() > 0 ? s.usage().totalTokens()
        : s.usage().inputTokens() + s.usage().outputTokens();
  }

  private static Integer turnOf(List<Turn> turns, Step s) {
    for (Turn t : turns) {
      if (t.allSteps().contains(s)) {
        return t.index();
      }
    }
    return null;
  }

  private static double round6(double v) {
    return Math.round(v * 1e9) / 1e9;
  }
}
