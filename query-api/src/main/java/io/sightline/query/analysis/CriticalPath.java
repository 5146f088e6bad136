package io.sightline.query.analysis;

import io.sightline.query.spans.SpanTree.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The critical path of a span tree: walking back from the end, the child that finished last
 * before the cursor is on the path, the gap before it belongs to the parent, and so on. Returns
 * the nanoseconds of the path each span accounts for itself (Jaeger's definition).
 */
final class CriticalPath {
  private CriticalPath() {}

  static Map<Node, Long> of(Node root) {
    Map<Node, Long> self = new LinkedHashMap<>();
    walk(root, root.span().end(), self);
    return self;
  }

  private static void walk(Node n, Instant bound, Map<Node, Long> self) {
    Instant start = n.span().start();
    Instant cursor = min(n.span().end(), bound);
    List<Node> children = new ArrayList<>(n.children());
    children.sort(Comparator.comparing((Node c) -> c.span().end()).reversed());
    long own = 0;
    while (cursor.isAfter(start)) {
      Node next = null;
      for (Node c : children) {
        if (c.span().start().isBefore(cursor) && !c.span().end().isBefore(start)) {
          if (next == null || min(c.span().end(), cursor).isAfter(min(next.span().end(), cursor))) {
            next = c;
          }
        }
      }
      if (next == null) {
        own += nanos(start, cursor);
        break;
      }
      Instant childEnd = min(next.span().end(), cursor);
      own += nanos(childEnd, cursor);
      walk(next, childEnd, self);
      children.remove(next);
      cursor = max(next.span().start(), start);
    }
    self.merge(n, own, Long::sum);
  }

  private static long nanos(Instant a, Instant b) {
    return Math.max(0, java.time.Duration.between(a, b).toNanos());
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
