package io.sightline.query.sessions;

import io.sightline.query.spans.SpanTree;
import io.sightline.query.spans.TraceBounds;
import io.sightline.query.spans.Usage;
import io.sightline.query.turns.Turn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A session rebuilt in time order: its traces, totals, feedback and turns with their steps. */
record SessionDetail(String sessionId, String userId, Instant firstSeen, Instant lastSeen,
    double durationMs, int traceCount, int turnCount, int spanCount, int errorCount, Usage usage,
    BigDecimal costUsd, long unpricedCalls, FeedbackSummary feedback, boolean truncated,
    List<TraceRef> traces, List<TurnView> turns) {

  /** A member trace with its time bounds. */
  record TraceRef(String traceId, Instant start, Instant end) {}

  static SessionDetail of(SessionReader.Loaded s, List<Turn> turns, FeedbackSummary feedback) {
    SpanTree.Rollup total = s.tree().total();
    Instant first = s.traces().stream().map(TraceBounds::start).min(Instant::compareTo).orElseThrow();
    Instant last = s.traces().stream().map(TraceBounds::end).max(Instant::compareTo).orElseThrow();
    return new SessionDetail(s.sessionId(), s.userId(), first, last,
        java.time.Duration.between(first, last).toNanos() / 1e6, s.traces().size(), turns.size(),
        total.spanCount(), total.errorCount(), total.usage(), total.cost().usd(),
        total.cost().unpricedCalls(), feedback, s.truncated(),
        s.traces().stream().map(b -> new TraceRef(b.traceId(), b.start(), b.end())).toList(),
        turns.stream().map(TurnView::of).toList());
  }
}
