-- Session membership: which traces belong to a session, with time bounds. Session and user ids
-- often sit on only some spans of a trace; any span carrying the id makes the whole trace a member.
-- Session numbers are computed from per-trace totals (trace_index), not from spans that happen to
-- carry the id.
-- sharding: cityHash64(trace_id)
CREATE TABLE IF NOT EXISTS session_traces
(
    project_id      LowCardinality(String),
    session_id      String,
    trace_id        FixedString(32),
    retention_days  SimpleAggregateFunction(max, UInt16),
    first_seen      SimpleAggregateFunction(min, DateTime64(9, 'UTC')),
    last_seen       SimpleAggregateFunction(max, DateTime64(9, 'UTC')),
    user_id         SimpleAggregateFunction(max, String),
    INDEX idx_last  last_seen TYPE minmax GRANULARITY 1,
    INDEX idx_user  user_id   TYPE bloom_filter(0.01) GRANULARITY 1
)
ENGINE = AggregatingMergeTree
PARTITION BY (retention_days, toYYYYMM(first_seen))
ORDER BY (project_id, session_id, trace_id)
TTL toDateTime(last_seen) + toIntervalDay(retention_days + 1);

CREATE MATERIALIZED VIEW IF NOT EXISTS session_traces_mv TO session_traces AS
SELECT
    s.project_id                                      AS project_id,
    s.session_id                                      AS session_id,
    s.trace_id                                        AS trace_id,
    max(s.retention_days)                             AS retention_days,
    min(s.start_time)                                 AS first_seen,
    max(addNanoseconds(s.start_time, s.duration_ns))  AS last_seen,
    max(s.user_id)                                    AS user_id
FROM spans AS s
WHERE s.session_id != ''
GROUP BY s.project_id, s.session_id, s.trace_id;
