-- One row per trace and insert block, merged per trace: time bounds to prune span reads, and the
-- per-trace summary behind trace lists. Always read with GROUP BY trace_id (parts may be unmerged).
-- start_hour (the block's earliest hour) leads the key so lists over a time window read only that
-- window; lookups by id use the bloom filter, over 1024-row granules so a hit reads little.
-- sharding: cityHash64(trace_id)
CREATE TABLE IF NOT EXISTS trace_index
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
ENGINE = AggregatingMergeTree
PARTITION BY (retention_days, toMonday(start_hour))
ORDER BY (project_id, start_hour, trace_id)
TTL start_hour + toIntervalDay(retention_days + 1)
SETTINGS index_granularity = 1024, ttl_only_drop_parts = 1;

-- Columns are qualified with the table alias so an aggregate alias that reuses a column name
-- never shadows the column inside another aggregate.
CREATE MATERIALIZED VIEW IF NOT EXISTS trace_index_mv TO trace_index AS
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
FROM spans AS s
GROUP BY s.project_id, s.trace_id;
