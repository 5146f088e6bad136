package io.sightline.query.analysis;

import io.sightline.query.turns.Turn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every rule over a trace's or session's turns; findings come most severe first. */
public final class Analyzer {
  private final Thresholds thresholds;
  private final List<Rule> rules = List.of(new FailureRule(), new LatencyRule(), new CostRule(),
      new LoopRule(), new OutputRule());

  public Analyzer(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  public List<Finding> analyze(List<Turn> turns) {
    List<Finding> out = new ArrayList<>();
    for (Rule r : rules) {
      out.addAll(r.apply(turns, thresholds));
    }
    out.sort(Comparator.comparingInt(Finding::rank)
        .thenComparing(f -> f.turn() == null ? 0 : f.turn()));
    return out;
  }
}
