package io.sightline.query.sessions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One row of the session list. */
record SessionSummary(String sessionId, String userId, Instant firstSeen, Instant lastSeen,
    double durationMs, long traceCount, int turnCount, long llmCalls, long toolCalls,
    long errorCount, long inputTokens, long outputTokens, long cacheReadTokens, long totalTokens,
    BigDecimal costUsd, long unpricedCalls, List<String> models, List<String> agents,
    FeedbackSummary feedback) {}
