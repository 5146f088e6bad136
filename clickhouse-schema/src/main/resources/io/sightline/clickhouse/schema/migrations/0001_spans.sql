-- The hot table: one row per span, OTLP envelope plus the normalised GenAI fields.
-- Identity (project, start hour, trace, span) is the sort key, so a re-sent span replaces its
-- earlier copy on merge, a trace's spans sit together, and time-window reads prune by key.
-- Full prompt/completion content lives in span_content; only previews are here.
-- Small granules (1024 rows) because rows are wide and the hot reads fetch one trace or session;
-- no skip indexes on the attribute maps: they doubled the insert cost (docs/storage.md).
-- sharding: cityHash64(trace_id)
CREATE TABLE IF NOT EXISTS spans
(
    project_id          LowCardinality(String),
    retention_days      UInt16,

    trace_id            FixedString(32),
    span_id             FixedString(16),
    parent_span_id      String,
    start_time          DateTime64(9, 'UTC')      CODEC(Delta(8), ZSTD(1)),
    duration_ns         UInt64                    CODEC(T64, ZSTD(1)),
    ingested_at         DateTime64(3, 'UTC')      CODEC(Delta(8), ZSTD(1)),

    service_name        LowCardinality(String),
    service_version     LowCardinality(String),
    environment         LowCardinality(String),
    scope_name          LowCardinality(String),
    scope_version       LowCardinality(String),
    span_name           LowCardinality(String),
    span_kind           Enum8('unspecified' = 0, 'internal' = 1, 'server' = 2, 'client' = 3,
                              'producer' = 4, 'consumer' = 5),
    status_code         Enum8('unset' = 0, 'ok' = 1, 'error' = 2),
    status_message      String                    CODEC(ZSTD(1)),

    obs_type            Enum8('other' = 0, 'llm' = 1, 'embedding' = 2, 'retriever' = 3,
                              'reranker' = 4, 'tool' = 5, 'agent' = 6, 'workflow' = 7,
                              'chain' = 8, 'guardrail' = 9, 'evaluator' = 10),
    operation_name      LowCardinality(String),
    provider            LowCardinality(String),
    request_model       LowCardinality(String),
    response_model      LowCardinality(String),
    response_id         String                    CODEC(ZSTD(1)),
    agent_name          LowCardinality(String),
    agent_id            String                    CODEC(ZSTD(1)),
    tool_name           LowCardinality(String),
    tool_call_id        String                    CODEC(ZSTD(1)),
    session_id          String                    CODEC(ZSTD(1)),
    user_id             String                    CODEC(ZSTD(1)),
    prompt_name         LowCardinality(String),
    prompt_version      LowCardinality(String),
    finish_reasons      Array(LowCardinality(String)),
    error_type          LowCardinality(String),
    error_message       String                    CODEC(ZSTD(1)),
    is_streaming        Bool,
    ttft_ms             UInt32                    CODEC(T64, ZSTD(1)),

    input_tokens        UInt32                    CODEC(T64, ZSTD(1)),
    output_tokens       UInt32                    CODEC(T64, ZSTD(1)),
    total_tokens        UInt32                    CODEC(T64, ZSTD(1)),
    cache_read_tokens   UInt32                    CODEC(T64, ZSTD(1)),
    cache_write_tokens  UInt32                    CODEC(T64, ZSTD(1)),
    reasoning_tokens    UInt32                    CODEC(T64, ZSTD(1)),
    usage_is_rollup     Bool,
    cost_usd            Nullable(Decimal(18, 9)),
    cost_source         Enum8('none' = 0, 'reported' = 1, 'computed' = 2),
    price_version       LowCardinality(String),

    input_preview       String                    CODEC(ZSTD(1)),
    output_preview      String                    CODEC(ZSTD(1)),
    content_bytes       UInt32,

    semconv_source      LowCardinality(String),
    span_attributes     Map(String, String)       CODEC(ZSTD(1)),
    resource_attributes Map(String, String)       CODEC(ZSTD(1)),
    events              Nested(time DateTime64(9, 'UTC'), name LowCardinality(String),
                               attributes Map(String, String)),
    links               Nested(trace_id String, span_id String, attributes Map(String, String)),

    INDEX idx_trace     trace_id                    TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX idx_session   session_id                  TYPE bloom_filter(0.01)  GRANULARITY 1,
    INDEX idx_user      user_id                     TYPE bloom_filter(0.01)  GRANULARITY 1,
    INDEX idx_model     request_model               TYPE set(512)            GRANULARITY 4,
    INDEX idx_tool      tool_name                   TYPE bloom_filter(0.01)  GRANULARITY 4,
    INDEX idx_agent     agent_name                  TYPE bloom_filter(0.01)  GRANULARITY 4,
    INDEX idx_type      obs_type                    TYPE set(16)             GRANULARITY 4,
    INDEX idx_duration  duration_ns                 TYPE minmax              GRANULARITY 1
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY (retention_days, toYYYYMMDD(start_time))
PRIMARY KEY (project_id, toStartOfHour(start_time), trace_id)
ORDER BY (project_id, toStartOfHour(start_time), trace_id, span_id)
TTL toDateTime(start_time) + toIntervalDay(retention_days)
SETTINGS index_granularity = 1024, ttl_only_drop_parts = 1;
