-- GenAI content that arrives as OTLP log records (OTel GenAI semantic conventions 1.28-1.36:
-- gen_ai.user.message, gen_ai.choice, ...), tied to a span by trace and span id. Kept as its own
-- rows so it joins its span whichever arrives first; the query side folds them into the span's
-- content. event_id is a hash of the record, so a re-sent record replaces itself.
-- sharding: cityHash64(trace_id)
CREATE TABLE IF NOT EXISTS genai_log_events
(
    project_id              LowCardinality(String),
    content_retention_days  UInt16,
    trace_id                FixedString(32),
    span_id                 FixedString(16),
    event_id                UInt64,
    time                    DateTime64(9, 'UTC')  CODEC(Delta(8), ZSTD(1)),
    ingested_at             DateTime64(3, 'UTC')  CODEC(Delta(8), ZSTD(1)),
    event_name              LowCardinality(String),
    service_name            LowCardinality(String),
    message                 String CODEC(ZSTD(3)),
    attributes              Map(String, String) CODEC(ZSTD(1))
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY (content_retention_days, toYYYYMMDD(time))
ORDER BY (project_id, toStartOfHour(time), trace_id, span_id, event_id)
TTL toDateTime(time) + toIntervalDay(content_retention_days)
SETTINGS ttl_only_drop_parts = 1;
