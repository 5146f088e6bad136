package io.sightline.query.traces;

import io.sightline.query.spans.Span;
import io.sightline.query.spans.SpanTree;
import io.sightline.query.spans.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A whole trace: identity, totals and the span tree. Orphans (spans whose parent never arrived)
 * are top-level entries of {@code spans} flagged {@code orphan}.
 */
record TraceDetail(String traceId, String rootSpanId, String name, Instant start, Instant end,
    double durationMs, String status, String service, String sessionId, String userId,
    List<String> models, int spanCount, int errorCount, int orphanCount, Usage usage,
    BigDecimal costUsd, long unpricedCalls, boolean truncated, List<SpanView> spans) {

  static TraceDetail of(String traceId, SpanTree tree, boolean truncated) {
    List<SpanTree.Node> all = tree.all();
    SpanTree.Node first = tree.roots().getFirst();
    Span root = first.span();
    Instant start = all.stream().map(n -> n.span().start()).min(Instant::compareTo).orElseThrow();
    Instant end = all.stream().map(n -> n.span().end()).max(Instant::compareTo).orElseThrow();
    SpanTree.Rollup total = tree.total();
    TreeSet<String> models = new TreeSet<>();
    String session = null;
    String user = null;
    for (SpanTree.Node n : all) {
      Span s = n.span();
      if (!s.requestModel().isEmpty()) {
        models.add(s.requestModel());
      }
      session = session == null && !s.sessionId().isEmpty() ? s.sessionId() : session;
      user = user == null && !s.userId().isEmpty() ? s.userId() : user;
    }
    int orphans = (int) tree.roots().stream().filter(SpanTree.Node::orphan).count();
    return new TraceDetail(traceId, first.orphan() ? null : root.spanId(), root.name(), start, end,
        java.time.Duration.between(start, end).toNanos() / 1e6,
        total.errorCount() > 0 ? "error" : "ok", root.service(), session, user,
        List.copyOf(models), total.spanCount(), total.errorCount(), orphans, total.usage(),
        total.cost().usd(), total.cost().unpricedCalls(), truncated,
        tree.roots().stream().map(SpanView::of).filter(Objects::nonNull).toList());
  }
}
