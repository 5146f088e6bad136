package io.sightline.query.turns;

import io.sightline.query.spans.ContentText;
import io.sightline.query.spans.Span;
import io.sightline.query.spans.SpanTree;
import java.util.ArrayList;
import java.util.List;

/**
 * One user request: a top-most agent or workflow span, or a top-level LLM call when the trace
 * has no agent span, with its steps in start order.
 */
public record Turn(int index, SpanTree.Node root, List<Step> steps) {

  public Span span() {
    return root.span();
  }

  public String input() {
    String in = ContentText.input(span());
    if (in.isEmpty()) {
      Step first = firstLlm();
      return first == null ? "" : ContentText.input(first.span());
    }
    return in;
  }

  /** The root's answer, else the last LLM call's. */
  public String output() {
    String out = ContentText.output(span());
    if (out.isEmpty()) {
      Step last = lastLlm();
      return last == null ? "" : ContentText.output(last.span());
    }
    return out;
  }

  /** Every span the turn covers: the root's subtree and the subtrees of steps joined to it. */
  public List<SpanTree.Node> nodes() {
    java.util.LinkedHashSet<SpanTree.Node> set = new java.util.LinkedHashSet<>(root.subtree());
    for (Step s : allSteps()) {
      set.addAll(s.node().subtree());
    }
    List<SpanTree.Node> out = new ArrayList<>(set);
    out.sort(java.util.Comparator.comparing((SpanTree.Node n) -> n.span().start()));
    return out;
  }

  /** Every step, nested ones included, depth first in order. */
  public List<Step> allSteps() {
    List<Step> out = new ArrayList<>();
    collect(steps, out);
    return out;
  }

  private static void collect(List<Step> steps, List<Step> out) {
    for (Step s : steps) {
      out.add(s);
      collect(s.steps(), out);
    }
  }

  public List<Step> llmSteps() {
    return allSteps().stream().filter(s -> s.kind().equals("llm")).toList();
  }

  public Step firstLlm() {
    List<Step> l = llmSteps();
    return l.isEmpty() ? null : l.getFirst();
  }

  /** The last LLM call to finish: the one whose answer the user saw. */
  public Step lastLlm() {
    Step last = null;
    for (Step s : llmSteps()) {
      if (last == null || !s.span().end().isBefore(last.span().end())) {
        last = s;
      }
    }
    return last;
  }
}
