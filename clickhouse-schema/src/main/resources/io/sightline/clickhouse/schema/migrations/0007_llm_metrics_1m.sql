-- Per-minute rollup for dashboards and alert evaluation, fed by a materialized view on spans.
-- Sums and t-digest states merge exactly across parts; read with GROUP BY and -Merge combinators.
-- Re-sent spans are dropped before insert (see docs/storage.md, deduplication), so the view
-- never counts a span twice.
CREATE TABLE IF NOT EXISTS llm_metrics_1m
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
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (project_id, minute, obs_type, provider, request_model, service_name, service_version,
          environment, prompt_version, agent_name, tool_name)
TTL minute + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS llm_metrics_1m_mv TO llm_metrics_1m AS
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
FROM spans AS s
GROUP BY project_id, minute, obs_type, provider, request_model, service_name, service_version,
         environment, prompt_version, agent_name, tool_name;
