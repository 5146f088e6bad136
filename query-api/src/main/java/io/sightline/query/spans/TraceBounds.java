package io.sightline.query.spans;

import java.time.Instant;

/** Where a trace lives in time, and the session and user any of its spans carried. */
public record TraceBounds(String traceId, Instant start, Instant end, String sessionId,
    String userId) {}
