CREATE TABLE IF NOT EXISTS spans_local ON CLUSTER `sightline_cluster`
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
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/spans_local', '{replica}', ingested_at)
PARTITION BY (retention_days, toYYYYMMDD(start_time))
PRIMARY KEY (project_id, toStartOfHour(start_time), trace_id)
ORDER BY (project_id, toStartOfHour(start_time), trace_id, span_id)
TTL toDateTime(start_time) + toIntervalDay(retention_days)
SETTINGS index_granularity = 1024, ttl_only_drop_parts = 1;

CREATE TABLE IF NOT EXISTS spans ON CLUSTER `sightline_cluster` AS spans_local
ENGINE = Distributed('sightline_cluster', currentDatabase(), 'spans_local', cityHash64(trace_id));

CREATE TABLE IF NOT EXISTS span_content_local ON CLUSTER `sightline_cluster`
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
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/span_content_local', '{replica}', ingested_at)
PARTITION BY (content_retention_days, toYYYYMMDD(start_time))
ORDER BY (project_id, toStartOfHour(start_time), trace_id, span_id)
TTL toDateTime(start_time) + toIntervalDay(content_retention_days)
SETTINGS index_granularity = 1024, ttl_only_drop_parts = 1;

CREATE TABLE IF NOT EXISTS span_content ON CLUSTER `sightline_cluster` AS span_content_local
ENGINE = Distributed('sightline_cluster', currentDatabase(), 'span_content_local', cityHash64(trace_id));

CREATE TABLE IF NOT EXISTS genai_log_events_local ON CLUSTER `sightline_cluster`
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
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/genai_log_events_local', '{replica}', ingested_at)
PARTITION BY (content_retention_days, toYYYYMMDD(time))
ORDER BY (project_id, toStartOfHour(time), trace_id, span_id, event_id)
TTL toDateTime(time) + toIntervalDay(content_retention_days)
SETTINGS ttl_only_drop_parts = 1;

CREATE TABLE IF NOT EXISTS genai_log_events ON CLUSTER `sightline_cluster` AS genai_log_events_local
ENGINE = Distributed('sightline_cluster', currentDatabase(), 'genai_log_events_local', cityHash64(trace_id));

CREATE TABLE IF NOT EXISTS trace_index_local ON CLUSTER `sightline_cluster`
(
    project_id        LowCardinality(String),
    start_hour        DateTime('UTC'),
    trace_id          FixedString(32),
    retention_days    SimpleAggregateFunction(max, UInt16),
    start_time        SimpleAggregateFunction(min, DateTime64(9, 'UTC')),
    end_time          SimpleAggregateFunction(max, DateTime64(9, 'UTC')),
    root_span_id      SimpleAggregateFunction(max, String),
    root_name         SimpleAggregateFunction(max, String),
    root_service      SimpleAggregateFunction(max, String),
    root_input        SimpleAggregateFunction(max, String),
    root_output       SimpleAggregateFunction(max, String),
    session_id        SimpleAggregateFunction(max, String),
    user_id           SimpleAggregateFunction(max, String),
    span_count        SimpleAggregateFunction(sum, UInt64),
    llm_calls         SimpleAggregateFunction(sum, UInt64),
    tool_calls        SimpleAggregateFunction(sum, UInt64),
    error_count       SimpleAggregateFunction(sum, UInt64),
    input_tokens      SimpleAggregateFunction(sum, UInt64),
    output_tokens     SimpleAggregateFunction(sum, UInt64),
    cache_read_tokens SimpleAggregateFunction(sum, UInt64),
    cost_usd          SimpleAggregateFunction(sum, Decimal(38, 9)),
    unpriced_calls    SimpleAggregateFunction(sum, UInt64),
    services          SimpleAggregateFunction(groupUniqArrayArray, Array(String)),
    service_versions  SimpleAggregateFunction(groupUniqArrayArray, Array(String)),
    environments      SimpleAggregateFunction(groupUniqArrayArray, Array(String)),
    models            SimpleAggregateFunction(groupUniqArrayArray, Array(String)),
    providers         SimpleAggregateFunction(groupUniqArrayArray, Array(String)),
    agents            SimpleAggregateFunction(groupUniqArrayArray, Array(String)),
    tools             SimpleAggregateFunction(groupUniqArrayArray, Array(String)),
    INDEX idx_trace   trace_id   TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX idx_session session_id TYPE bloom_filter(0.01)  GRANULARITY 1,
    INDEX idx_user    user_id    TYPE bloom_filter(0.01)  GRANULARITY 1
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/trace_index_local', '{replica}')
PARTITION BY (retention_days, toMonday(start_hour))
ORDER BY (project_id, start_hour, trace_id)
TTL start_hour + toIntervalDay(retention_days + 1)
SETTINGS index_granularity = 1024, ttl_only_drop_parts = 1;

CREATE TABLE IF NOT EXISTS trace_index ON CLUSTER `sightline_cluster` AS trace_index_local
ENGINE = Distributed('sightline_cluster', currentDatabase(), 'trace_index_local', cityHash64(trace_id));

CREATE MATERIALIZED VIEW IF NOT EXISTS trace_index_mv ON CLUSTER `sightline_cluster` TO trace_index_local AS
SELECT
    s.project_id                                                          AS project_id,
    toStartOfHour(min(s.start_time))                                      AS start_hour,
    s.trace_id                                                            AS trace_id,
    max(s.retention_days)                                                 AS retention_days,
    min(s.start_time)                                                     AS start_time,
    max(addNanoseconds(s.start_time, s.duration_ns))                      AS end_time,
    max(if(s.parent_span_id = '', toString(s.span_id), ''))               AS root_span_id,
    max(if(s.parent_span_id = '', toString(s.span_name), ''))             AS root_name,
    max(if(s.parent_span_id = '', toString(s.service_name), ''))          AS root_service,
    max(if(s.parent_span_id = '', s.input_preview, ''))                   AS root_input,
    max(if(s.parent_span_id = '', s.output_preview, ''))                  AS root_output,
    max(s.session_id)                                                     AS session_id,
    max(s.user_id)                                                        AS user_id,
    count()                                                               AS span_count,
    countIf(s.obs_type = 'llm')                                           AS llm_calls,
    countIf(s.obs_type = 'tool')                                          AS tool_calls,
    countIf(s.status_code = 'error')                                      AS error_count,
    sumIf(s.input_tokens, NOT s.usage_is_rollup)                          AS input_tokens,
    sumIf(s.output_tokens, NOT s.usage_is_rollup)                         AS output_tokens,
    sumIf(s.cache_read_tokens, NOT s.usage_is_rollup)                     AS cache_read_tokens,
    toDecimal128(sumIf(ifNull(s.cost_usd, 0), NOT s.usage_is_rollup), 9)  AS cost_usd,
    countIf(s.obs_type IN ('llm', 'embedding') AND s.cost_usd IS NULL
            AND NOT s.usage_is_rollup)                                    AS unpriced_calls,
    groupUniqArrayIf(toString(s.service_name), s.service_name != '')      AS services,
    groupUniqArrayIf(toString(s.service_version), s.service_version != '') AS service_versions,
    groupUniqArrayIf(toString(s.environment), s.environment != '')        AS environments,
    groupUniqArrayIf(toString(s.request_model), s.request_model != '')    AS models,
    groupUniqArrayIf(toString(s.provider), s.provider != '')              AS providers,
    groupUniqArrayIf(toString(s.agent_name), s.agent_name != '')          AS agents,
    groupUniqArrayIf(toString(s.tool_name), s.tool_name != '')            AS tools
FROM spans_local AS s
GROUP BY s.project_id, s.trace_id;

CREATE TABLE IF NOT EXISTS session_traces_local ON CLUSTER `sightline_cluster`
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
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/session_traces_local', '{replica}')
PARTITION BY (retention_days, toYYYYMM(first_seen))
ORDER BY (project_id, session_id, trace_id)
TTL toDateTime(last_seen) + toIntervalDay(retention_days + 1);

CREATE TABLE IF NOT EXISTS session_traces ON CLUSTER `sightline_cluster` AS session_traces_local
ENGINE = Distributed('sightline_cluster', currentDatabase(), 'session_traces_local', cityHash64(trace_id));

CREATE MATERIALIZED VIEW IF NOT EXISTS session_traces_mv ON CLUSTER `sightline_cluster` TO session_traces_local AS
SELECT
    s.project_id                                      AS project_id,
    s.session_id                                      AS session_id,
    s.trace_id                                        AS trace_id,
    max(s.retention_days)                             AS retention_days,
    min(s.start_time)                                 AS first_seen,
    max(addNanoseconds(s.start_time, s.duration_ns))  AS last_seen,
    max(s.user_id)                                    AS user_id
FROM spans_local AS s
WHERE s.session_id != ''
GROUP BY s.project_id, s.session_id, s.trace_id;

CREATE TABLE IF NOT EXISTS scores_local ON CLUSTER `sightline_cluster`
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
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/scores_local', '{replica}', updated_at, is_deleted)
PARTITION BY (retention_days, toYYYYMM(created_at))
ORDER BY (project_id, target_type, target_id, name, score_id)
TTL toDateTime(created_at) + toIntervalDay(retention_days)
SETTINGS ttl_only_drop_parts = 1;

CREATE TABLE IF NOT EXISTS scores ON CLUSTER `sightline_cluster` AS scores_local
ENGINE = Distributed('sightline_cluster', currentDatabase(), 'scores_local', cityHash64(if(trace_id != '', trace_id, session_id)));

CREATE TABLE IF NOT EXISTS llm_metrics_1m_local ON CLUSTER `sightline_cluster`
(
    project_id         LowCardinality(String),
    minute             DateTime('UTC'),
    obs_type           Enum8('other' = 0, 'llm' = 1, 'embedding' = 2, 'retriever' = 3,
                             'reranker' = 4, 'tool' = 5, 'agent' = 6, 'workflow' = 7,
                             'chain' = 8, 'guardrail' = 9, 'evaluator' = 10),
    provider           LowCardinality(String),
    request_model      LowCardinality(String),
    service_name       LowCardinality(String),
    service_version    LowCardinality(String),
    environment        LowCardinality(String),
    prompt_version     LowCardinality(String),
    agent_name         LowCardinality(String),
    tool_name          LowCardinality(String),
    calls              SimpleAggregateFunction(sum, UInt64),
    errors             SimpleAggregateFunction(sum, UInt64),
    input_tokens       SimpleAggregateFunction(sum, UInt64),
    output_tokens      SimpleAggregateFunction(sum, UInt64),
    cache_read_tokens  SimpleAggregateFunction(sum, UInt64),
    reasoning_tokens   SimpleAggregateFunction(sum, UInt64),
    cost_usd           SimpleAggregateFunction(sum, Decimal(38, 9)),
    unpriced_calls     SimpleAggregateFunction(sum, UInt64),
    streaming_calls    SimpleAggregateFunction(sum, UInt64),
    duration_q         AggregateFunction(quantilesTDigest(0.5, 0.95, 0.99), UInt64),
    ttft_q             AggregateFunction(quantilesTDigestIf(0.5, 0.95, 0.99), UInt32, UInt8)
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/llm_metrics_1m_local', '{replica}')
PARTITION BY toYYYYMM(minute)
ORDER BY (project_id, minute, obs_type, provider, request_model, service_name, service_version,
          environment, prompt_version, agent_name, tool_name)
TTL minute + INTERVAL 400 DAY;

CREATE TABLE IF NOT EXISTS llm_metrics_1m ON CLUSTER `sightline_cluster` AS llm_metrics_1m_local
ENGINE = Distributed('sightline_cluster', currentDatabase(), 'llm_metrics_1m_local', rand());

CREATE MATERIALIZED VIEW IF NOT EXISTS llm_metrics_1m_mv ON CLUSTER `sightline_cluster` TO llm_metrics_1m_local AS
SELECT
    s.project_id                                                  AS project_id,
    toStartOfMinute(s.start_time)                                 AS minute,
    s.obs_type                                                    AS obs_type,
    s.provider                                                    AS provider,
    s.request_model                                               AS request_model,
    s.service_name                                                AS service_name,
    s.service_version                                             AS service_version,
    s.environment                                                 AS environment,
    s.prompt_version                                              AS prompt_version,
    s.agent_name                                                  AS agent_name,
    s.tool_name                                                   AS tool_name,
    count()                                                       AS calls,
    countIf(s.status_code = 'error')                              AS errors,
    sumIf(s.input_tokens, NOT s.usage_is_rollup)                  AS input_tokens,
    sumIf(s.output_tokens, NOT s.usage_is_rollup)                 AS output_tokens,
    sumIf(s.cache_read_tokens, NOT s.usage_is_rollup)             AS cache_read_tokens,
    sumIf(s.reasoning_tokens, NOT s.usage_is_rollup)              AS reasoning_tokens,
    toDecimal128(sumIf(ifNull(s.cost_usd, 0), NOT s.usage_is_rollup), 9) AS cost_usd,
    countIf(s.obs_type IN ('llm', 'embedding') AND s.cost_usd IS NULL
            AND NOT s.usage_is_rollup)                            AS unpriced_calls,
    countIf(s.is_streaming)                                       AS streaming_calls,
    quantilesTDigestState(0.5, 0.95, 0.99)(s.duration_ns)         AS duration_q,
    quantilesTDigestIfState(0.5, 0.95, 0.99)(s.ttft_ms, toUInt8(s.ttft_ms > 0)) AS ttft_q
FROM spans_local AS s
GROUP BY project_id, minute, obs_type, provider, request_model, service_name, service_version,
         environment, prompt_version, agent_name, tool_name;

CREATE TABLE IF NOT EXISTS alert_events_local ON CLUSTER `sightline_cluster`
(
    project_id        LowCardinality(String),
    rule_id           String,
    rule_version      UInt32,
    group_key         String,
    labels            Map(String, String),
    event_id          UUID,
    event_time        DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),
    state             Enum8('ok' = 0, 'pending' = 1, 'firing' = 2, 'resolved' = 3,
                            'acknowledged' = 4, 'muted' = 5, 'error' = 6),
    severity          Enum8('info' = 1, 'warning' = 2, 'critical' = 3),
    window_start      DateTime64(3, 'UTC'),
    window_end        DateTime64(3, 'UTC'),
    observed_value    Float64,
    threshold         Float64,
    comparator        LowCardinality(String),
    sample_trace_ids  Array(String),
    message           String CODEC(ZSTD(3)),
    notification      Map(String, String)
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/alert_events_local', '{replica}')
PARTITION BY toYYYYMM(event_time)
ORDER BY (project_id, rule_id, group_key, event_time)
TTL toDateTime(event_time) + INTERVAL 400 DAY;

CREATE TABLE IF NOT EXISTS alert_events ON CLUSTER `sightline_cluster` AS alert_events_local
ENGINE = Distributed('sightline_cluster', currentDatabase(), 'alert_events_local', cityHash64(project_id, rule_id));

CREATE TABLE IF NOT EXISTS alert_state_local ON CLUSTER `sightline_cluster`
(
    project_id      LowCardinality(String),
    rule_id         String,
    group_key       String,
    state           Enum8('ok' = 0, 'pending' = 1, 'firing' = 2, 'resolved' = 3,
                          'acknowledged' = 4, 'muted' = 5, 'error' = 6),
    since           DateTime64(3, 'UTC'),
    last_event_id   UUID,
    observed_value  Float64,
    event_time      DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/alert_state_local', '{replica}', event_time)
ORDER BY (project_id, rule_id, group_key);

CREATE TABLE IF NOT EXISTS alert_state ON CLUSTER `sightline_cluster` AS alert_state_local
ENGINE = Distributed('sightline_cluster', currentDatabase(), 'alert_state_local', cityHash64(project_id, rule_id));

CREATE MATERIALIZED VIEW IF NOT EXISTS alert_state_mv ON CLUSTER `sightline_cluster` TO alert_state_local AS
SELECT e.project_id AS project_id, e.rule_id AS rule_id, e.group_key AS group_key,
       e.state AS state, e.event_time AS since, e.event_id AS last_event_id,
       e.observed_value AS observed_value, e.event_time AS event_time
FROM alert_events_local AS e;
