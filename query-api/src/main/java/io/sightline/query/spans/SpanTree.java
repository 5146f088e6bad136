package io.sightline.query.spans;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spans arranged by parent, per trace. A span whose parent never arrived (or that sits in a
 * parent cycle) is an orphan: it becomes a top-level node flagged {@code orphan}, never dropped.
 * Children are in start order.
 */
public final class SpanTree {
  private static final Comparator<Node> BY_START =
      Comparator.comparing((Node n) -> n.span.start()).thenComparing(n -> n.span.spanId());

  private final List<Node> roots;
  private final Map<String, Node> byKey;

  /** One span in the tree. */
  public static final class Node {
    private final Span span;
    private Node parent;
    private final List<Node> children = new ArrayList<>();
    private boolean orphan;
    private int depth;
    private Rollup rollup;

    Node(Span span) {
      this.span = span;
    }

    public Span span() {
      return span;
    }

    public Node parent() {
      return parent;
    }

    public List<Node> children() {
      return Collections.unmodifiableList(children);
    }

    public boolean orphan() {
      return orphan;
    }

    public int depth() {
      return depth;
    }

    public Rollup rollup() {
      return rollup;
    }

    /** This node and all below it, depth first in start order. */
    public List<Node> subtree() {
      List<Node> out = new ArrayList<>();
      collect(this, out);
      return out;
    }

    private static void collect(Node n, List<Node> out) {
      out.add(n);
      for (Node c : n.children) {
        collect(c, out);
      }
    }

    /** True when {@code other} is this node or below it. */
    public boolean contains(Node other) {
      for (Node n = other; n != null; n = n.parent) {
        if (n == this) {
          return true;
        }
      }
      return false;
    }
  }

  /** Totals of a subtree; roll-up copies of usage ({@code usage_is_rollup}) are not summed. */
  public record Rollup(int spanCount, int errorCount, Usage usage, Cost cost) {}

  private SpanTree(List<Node> roots, Map<String, Node> byKey) {
    this.roots = roots;
    this.byKey = byKey;
  }

  public static SpanTree of(List<Span> spans) {
    Map<String, Node> byKey = new HashMap<>();
    for (Span s : spans) {
      byKey.putIfAbsent(key(s.traceId(), s.spanId()), new Node(s));
    }
    List<Node> roots = new ArrayList<>();
    for (Node n : byKey.values()) {
      Span s = n.span;
      Node p = s.parentSpanId().isEmpty() || s.parentSpanId().equals(s.spanId())
          ? null : byKey.get(key(s.traceId(), s.parentSpanId()));
      if (p == null) {
        n.orphan = !s.parentSpanId().isEmpty() && !s.parentSpanId().equals(s.spanId());
        roots.add(n);
      } else {
        n.parent = p;
        p.children.add(n);
      }
    }
    // Spans in a parent cycle are unreachable from any root: cut the cycle, keep them as orphans.
    Set<Node> reached = new HashSet<>();
    for (Node r : roots) {
      reached.addAll(r.subtree());
    }
    if (reached.size() < byKey.size()) {
      for (Node n : byKey.values().stream().sorted(BY_START).toList()) {
        if (!reached.contains(n)) {
          n.parent.children.remove(n);
          n.parent = null;
          n.orphan = true;
          roots.add(n);
          reached.addAll(n.subtree());
        }
      }
    }
    roots.sort(Comparator.comparing((Node n) -> n.orphan).thenComparing(BY_START));
    for (Node r : roots) {
      finish(r, 0);
    }
    return new SpanTree(List.copyOf(roots), byKey);
  }

  private static Rollup finish(Node n, int depth) {
    n.depth = depth;
    n.children.sort(BY_START);
    Span s = n.span;
    int spans = 1;
    int errors = s.isError() ? 1 : 0;
    Usage usage = s.usageIsRollup() ? Usage.ZERO : s.usage();
    Cost cost = Cost.of(s);
    for (Node c : n.children) {
      Rollup r = finish(c, depth + 1);
      spans += r.spanCount;
      errors += r.errorCount;
      usage = usage.plus(r.usage);
      cost = cost.plus(r.cost);
    }
    n.rollup = new Rollup(spans, errors, usage, cost);
    return n.rollup;
  }

  private static String key(String traceId, String spanId) {
    return traceId + "/" + spanId;
  }

  /** Top-level nodes: true roots first, then orphans, each group in start order. */
  public List<Node> roots() {
    return roots;
  }

  public Node node(String traceId, String spanId) {
    return byKey.get(key(traceId, spanId));
  }

  /** All nodes, depth first from the roots. */
  public List<Node> all() {
    List<Node> out = new ArrayList<>(byKey.size());
    for (Node r : roots) {
      out.addAll(r.subtree());
    }
    return out;
  }

  /** Sum over the whole tree. */
  public Rollup total() {
    int spans = 0;
    int errors = 0;
    Usage usage = Usage.ZERO;
    Cost cost = Cost.NONE;
    for (Node r : roots) {
      spans += r.rollup.spanCount;
      errors += r.rollup.errorCount;
      usage = usage.plus(r.rollup.usage);
      cost = cost.plus(r.rollup.cost);
    }
    return new Rollup(spans, errors, usage, cost);
  }
}
