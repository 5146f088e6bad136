package io.sightline.query.analysis;

import io.sightline.query.turns.Turn;
import java.util.List;

/** One family of findings, computed from the turns of a trace or session. */
interface Rule {
  List<Finding> apply(List<Turn> turns, Thresholds t);
}
