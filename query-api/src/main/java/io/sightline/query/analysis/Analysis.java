package io.sightline.query.analysis;

import java.util.List;

/** The analysis of one trace or session: what was looked at and what was found. */
public record Analysis(String traceId, String sessionId, int turnCount, int spanCount,
    List<Finding> findings) {}
