-- Full prompt, completion and tool content, already redacted and size-capped at ingest, in the
-- canonical OpenTelemetry GenAI message JSON. Same key as spans (trace detail reads both with the
-- same key range), its own retention so content can expire before metrics.
-- sharding: cityHash64(trace_id)
CREATE TABLE IF NOT EXISTS span_content
(
    project_id              LowCardinality(String),
    content_retention_days  UInt16,
    trace_id                FixedString(32),
    span_id                 FixedString(16),
    start_time              DateTime64(9, 'UTC')  CODEC(Delta(8), ZSTD(1)),
    ingested_at             DateTime64(3, 'UTC')  CODEC(Delta(8), ZSTD(1)),

    system_instructions     String CODEC(ZSTD(1)),
    input_messages          String CODEC(ZSTD(1)),
    output_messages         String CODEC(ZSTD(1)),
    tool_definitions        String CODEC(ZSTD(1)),
    tool_arguments          String CODEC(ZSTD(1)),
    tool_result             String CODEC(ZSTD(1)),
    retrieval_documents     String CODEC(ZSTD(1)),
    generic_input           String CODEC(ZSTD(1)),
    generic_output          String CODEC(ZSTD(1)),
    truncated_fields        Array(LowCardinality(String)),
    original_bytes          UInt32,
    redaction_count         UInt32
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY (content_retention_days, toYYYYMMDD(start_time))
ORDER BY (project_id, toStartOfHour(start_time), trace_id, span_id)
TTL toDateTime(start_time) + toIntervalDay(content_retention_days)
SETTINGS index_granularity = 1024, ttl_only_drop_parts = 1;
