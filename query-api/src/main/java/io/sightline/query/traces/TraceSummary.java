package io.sightline.query.traces;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One row of the trace list. {@code costUsd} is null when no call in the trace was priced. */
public record TraceSummary(String traceId, String rootSpanId, String name, Instant start,
    Instant end, double durationMs, String status, String service, List<String> models,
    List<String> agents, long spanCount, long llmCalls, long toolCalls, long errorCount,
    long inputTokens, long outputTokens, long cacheReadTokens, long totalTokens,
    BigDecimal costUsd, long unpricedCalls, String sessionId, String userId, String inputPreview,
    String outputPreview) {}
