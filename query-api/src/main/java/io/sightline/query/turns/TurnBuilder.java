package io.sightline.query.turns;

import io.sightline.query.spans.ContentText;
import io.sightline.query.spans.Span;
import io.sightline.query.spans.SpanTree;
import io.sightline.query.spans.SpanTree.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds turns and steps from span trees. Per trace, turns start at the top-most agent or
 * workflow spans; a trace without any starts one turn per top-level LLM call; a trace with
 * neither is one turn per top-level span. Step spans outside every turn (a tool run beside the
 * LLM calls) join the latest turn of their trace that started before them.
 */
public final class TurnBuilder {
  private TurnBuilder() {}

  public static List<Turn> build(SpanTree tree) {
    Map<String, List<Node>> rootsByTrace = new LinkedHashMap<>();
    for (Node top : tree.roots()) {
      rootsByTrace.computeIfAbsent(top.span().traceId(), k -> new ArrayList<>()).add(top);
    }
    List<Turn> turns = new ArrayList<>();
    for (List<Node> tops : rootsByTrace.values()) {
      turns.addAll(traceTurns(tops));
    }
    turns.sort(Comparator.comparing((Turn t) -> t.span().start()).thenComparing(t -> t.span().spanId()));
    List<Turn> indexed = new ArrayList<>(turns.size());
    for (int i = 0; i < turns.size(); i++) {
      Turn t = turns.get(i);
      indexed.add(new Turn(i + 1, t.root(), t.steps()));
    }
    return indexed;
  }

  private static List<Turn> traceTurns(List<Node> tops) {
    List<Node> all = new ArrayList<>();
    tops.forEach(t -> all.addAll(t.subtree()));
    List<Node> roots = turnRoots(all, Span::isAgentLike);
    if (roots.isEmpty()) {
      roots = turnRoots(all, s -> s.obsType().equals("llm"));
    }
    if (roots.isEmpty()) {
      roots = tops;
    }
    roots = roots.stream().sorted(Comparator.comparing((Node n) -> n.span().start())).toList();
    Set<Node> covered = new HashSet<>();
    List<List<Step>> stepLists = new ArrayList<>();
    for (Node r : roots) {
      covered.addAll(r.subtree());
      List<Step> steps = new ArrayList<>();
      if (!r.span().isAgentLike() && kind(r.span()) != null) {
        steps.add(step(r));
      } else {
        steps.addAll(stepsUnder(r));
      }
      stepLists.add(steps);
    }
    // Loose steps: top-most step spans no turn covers, joined to the turn before them.
    for (Node n : all) {
      if (covered.contains(n) || kind(n.span()) == null || hasStepAncestor(n)) {
        continue;
      }
      int target = 0;
      for (int i = 0; i < roots.size(); i++) {
        if (!roots.get(i).span().start().isAfter(n.span().start())) {
          target = i;
        }
      }
      stepLists.get(target).add(step(n));
      covered.addAll(n.subtree());
    }
    List<Turn> out = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      List<Step> steps = stepLists.get(i);
      steps.sort(Comparator.comparing((Step s) -> s.span().start()).thenComparing(s -> s.span().spanId()));
      Turn t = new Turn(0, roots.get(i), List.copyOf(steps));
      linkTools(t);
      out.add(t);
    }
    return out;
  }

  /**
   * Top-most spans matching {@code p} that are not inside another step: an LLM call or agent run
   * inside a tool belongs to that tool's step, not to a turn of its own.
   */
  private static List<Node> turnRoots(List<Node> nodes, java.util.function.Predicate<Span> p) {
    return topMost(nodes, p).stream().filter(n -> !hasStepAncestor(n)).toList();
  }

  private static List<Node> topMost(List<Node> nodes, java.util.function.Predicate<Span> p) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (!p.test(n.span())) {
        continue;
      }
      boolean top = true;
      for (Node a = n.parent(); a != null; a = a.parent()) {
        if (p.test(a.span())) {
          top = false;
          break;
        }
      }
      if (top) {
        out.add(n);
      }
    }
    return out;
  }

  private static boolean hasStepAncestor(Node n) {
    for (Node a = n.parent(); a != null; a = a.parent()) {
      if (kind(a.span()) != null) {
        return true;
      }
    }
    return false;
  }

  /** The step kind of a span, or null for spans that only group others (chain, plain spans). */
  static String kind(Span s) {
    return switch (s.obsType()) {
      case "llm" -> "llm";
      case "embedding" -> "embedding";
      case "retriever", "reranker" -> "retrieval";
      case "tool" -> "tool";
      case "agent" -> "agent";
      case "workflow" -> "workflow";
      case "guardrail" -> "guardrail";
      case "evaluator" -> "evaluator";
      default -> null;
    };
  }

  private static List<Step> stepsUnder(Node n) {
    List<Step> out = new ArrayList<>();
    for (Node c : n.children()) {
      if (kind(c.span()) != null) {
        out.add(step(c));
      } else {
        out.addAll(stepsUnder(c));
      }
    }
    return out;
  }

  private static Step step(Node n) {
    String kind = kind(n.span());
    // An LLM span's children are transport detail (HTTP calls); anything else may nest real steps.
    List<Step> nested = kind.equals("llm") || kind.equals("embedding") ? List.of() : stepsUnder(n);
    List<ContentText.ToolCall> calls = kind.equals("llm")
        ? ContentText.toolCalls(n.span().content().outputMessages()) : List.of();
    return new Step(kind, n, List.copyOf(nested), List.copyOf(calls));
  }

  /**
   * Links each tool step to the LLM step that asked for it: by tool call id when the LLM's
   * output names it, else the latest LLM step of the same step list that started before it.
   */
  static void linkTools(Turn t) {
    List<Step> llms = t.llmSteps();
    linkLevel(t.steps(), llms);
  }

  private static void linkLevel(List<Step> steps, List<Step> llms) {
    for (Step s : steps) {
      if (s.kind().equals("tool")) {
        Step byId = byCallId(s.span().toolCallId(), llms);
        if (byId != null) {
          s.link(byId, "tool_call_id");
        } else {
          Step before = null;
          for (Step o : steps) {
            if (o.kind().equals("llm") && o.span().start().isBefore(s.span().start())) {
              before = o;
            }
          }
          if (before != null) {
            s.link(before, "order");
          }
        }
      }
      linkLevel(s.steps(), llms);
    }
  }

  private static Step byCallId(String id, List<Step> llms) {
    if (id.isEmpty()) {
      return null;
    }
    for (Step l : llms) {
      for (ContentText.ToolCall c : l.toolCalls()) {
        if (id.equals(c.id())) {
          return l;
        }
      }
    }
    return null;
  }
}
