package io.sightline.query.analysis;

import static io.sightline.query.analysis.Evidence.error;
import static io.sightline.query.analysis.Evidence.excerpt;
import static io.sightline.query.analysis.Evidence.label;
import static io.sightline.query.analysis.Evidence.map;

import io.sightline.query.spans.Span;
import io.sightline.query.spans.SpanTree.Node;
import io.sightline.query.turns.Turn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Root cause vs symptom. In each turn, failing spans with no failing descendant are the deepest
 * failures; failing spans above them are symptoms. A deepest failure is recovered when the turn
 * ended well (root ok, an answer that does not only apologise or repeat the error) or when a
 * later call of the same tool or model succeeded. In a turn that ended badly, the deepest,
 * latest unrecovered failure is the root cause; other unrecovered ones are contributing.
 */
final class FailureRule implements Rule {

  @Override
  public List<Finding> apply(List<Turn> turns, Thresholds t) {
    List<Finding> out = new ArrayList<>();
    for (Turn turn : turns) {
      List<Node> nodes = turn.nodes();
      List<Node> failing = nodes.stream().filter(n -> failed(n.span())).toList();
      if (failing.isEmpty()) {
        continue;
      }
      List<Node> leaves = failing.stream()
          .filter(f -> failing.stream().noneMatch(o -> o != f && f.contains(o))).toList();
      String answer = turn.output();
      String badReason = badOutcome(turn, answer, leaves, t);
      List<Node> unrecovered = new ArrayList<>();
      for (Node leaf : leaves) {
        Node retry = successfulRetry(leaf, nodes);
        if (badReason == null || retry != null) {
          out.add(recovered(turn, leaf, retry, answer));
        } else {
          unrecovered.add(leaf);
        }
      }
      if (unrecovered.isEmpty()) {
        continue;
      }
      Node root = unrecovered.stream()
          .max(Comparator.comparingInt(Node::depth).thenComparing(n -> n.span().start()))
          .orElseThrow();
      // Nearest first: the chain of failures the root cause propagated up through.
      List<Node> symptoms = failing.stream()
          .filter(f -> !leaves.contains(f) && f.contains(root))
          .sorted(Comparator.comparingInt(Node::depth).reversed()).toList();
      out.add(rootCause(turn, root, symptoms, badReason, answer));
      for (Node s : symptoms) {
        out.add(new Finding("symptom", "info", s.span().traceId(), turn.index(),
            List.of(s.span().spanId(), root.span().spanId()),
            map("errorType", s.span().errorType(), "errorMessage", excerpt(error(s.span())),
                "rootCauseSpanId", root.span().spanId()),
            "The failure of " + label(s.span()) + " is a consequence of " + label(root.span())
                + " failing below it; fix that first."));
      }
      for (Node other : unrecovered) {
        if (other != root) {
          out.add(new Finding("contributing_error", "warning", other.span().traceId(), turn.index(),
              List.of(other.span().spanId()),
              map("errorType", other.span().errorType(),
                  "errorMessage", excerpt(error(other.span()))),
              capital(label(other.span())) + " also failed in turn " + turn.index()
                  + " without a successful retry; check it after the root cause."));
        }
      }
    }
    return out;
  }

  static boolean failed(Span s) {
    return s.isError() || (!s.errorType().isEmpty() && !s.status().equals("ok"));
  }

  /** Why the turn ended badly, or null when it ended well. */
  private static String badOutcome(Turn turn, String answer, List<Node> leaves, Thresholds t) {
    if (turn.span().isError()) {
      return "the turn itself failed";
    }
    if (answer.isBlank()) {
      return turn.llmSteps().isEmpty() ? null : "the turn gave no answer";
    }
    if (t.apologises(answer)) {
      return "the final answer only apologises";
    }
    String lower = answer.toLowerCase(Locale.ROOT);
    for (Node leaf : leaves) {
      String err = error(leaf.span()).toLowerCase(Locale.ROOT);
      if (err.length() >= 8 && lower.contains(err)) {
        return "the final answer only repeats the error";
      }
    }
    return null;
  }

  private static Node successfulRetry(Node failed, List<Node> nodes) {
    Span f = failed.span();
    for (Node n : nodes) {
      Span s = n.span();
      if (n != failed && !failed(s) && s.start().isAfter(f.start()) && s.obsType().equals(f.obsType())
          && s.toolName().equals(f.toolName()) && s.requestModel().equals(f.requestModel())
          && (!s.toolName().isEmpty() || !s.requestModel().isEmpty())) {
        return n;
      }
    }
    return null;
  }

  private static Finding recovered(Turn turn, Node leaf, Node retry, String answer) {
    Span s = leaf.span();
    String how = retry != null
        ? "a later call of the same " + (s.toolName().isEmpty() ? "model" : "tool") + " succeeded"
        : "the turn still answered normally";
    return new Finding("recovered_error", "info", s.traceId(), turn.index(),
        retry == null ? List.of(s.spanId()) : List.of(s.spanId(), retry.span().spanId()),
        map("errorType", s.errorType(), "errorMessage", excerpt(error(s)),
            "retrySpanId", retry == null ? null : retry.span().spanId(),
            "finalAnswer", excerpt(answer)),
        capital(label(s)) + " failed in turn " + turn.index() + " but the agent recovered ("
            + how + "); no action needed unless it happens often.");
  }

  private static Finding rootCause(Turn turn, Node root, List<Node> symptoms, String badReason,
      String answer) {
    Span s = root.span();
    List<String> ids = new ArrayList<>();
    ids.add(s.spanId());
    symptoms.forEach(n -> ids.add(n.span().spanId()));
    String err = error(s);
    return new Finding("root_cause", "critical", s.traceId(), turn.index(), ids,
        map("errorType", s.errorType(), "errorMessage", excerpt(err), "depth", root.depth(),
            "outcome", badReason, "finalAnswer", excerpt(answer),
            "symptomSpanIds", symptoms.stream().map(n -> n.span().spanId()).toList()),
        capital(label(s)) + " failed" + (err.isEmpty() ? "" : " (\"" + excerpt(err) + "\")")
            + " and turn " + turn.index() + " did not recover: " + badReason
            + "; fix this failure or give the agent a fallback for it.");
  }

  static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
