-- Feedback and automatic scores on a span, a trace or a session. The id is derived from the
-- caller's idempotency key, so a retried POST replaces itself; edits and deletes are new versions
-- (updated_at) and deletes set is_deleted. Read with FINAL.
-- sharding: cityHash64(if(trace_id != '', trace_id, session_id))
CREATE TABLE IF NOT EXISTS scores
(
    project_id      LowCardinality(String),
    score_id        UUID,
    target_type     Enum8('span' = 1, 'trace' = 2, 'session' = 3),
    target_id       String,
    trace_id        String,
    span_id         String,
    session_id      String,
    name            LowCardinality(String),
    data_type       Enum8('numeric' = 1, 'categorical' = 2, 'boolean' = 3),
    value           Float64,
    string_value    String,
    comment         String CODEC(ZSTD(3)),
    source          Enum8('user' = 1, 'reviewer' = 2, 'automatic' = 3),
    user_id         String,
    metadata        Map(String, String),
    created_at      DateTime64(3, 'UTC'),
    updated_at      DateTime64(3, 'UTC'),
    is_deleted      UInt8,
    retention_days  UInt16,
    INDEX idx_trace   trace_id   TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX idx_session session_id TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX idx_created created_at TYPE minmax GRANULARITY 1
)
ENGINE = ReplacingMergeTree(updated_at, is_deleted)
PARTITION BY (retention_days, toYYYYMM(created_at))
ORDER BY (project_id, target_type, target_id, name, score_id)
TTL toDateTime(created_at) + toIntervalDay(retention_days)
SETTINGS ttl_only_drop_parts = 1;
