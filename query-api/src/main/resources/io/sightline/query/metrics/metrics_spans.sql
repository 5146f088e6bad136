-- Call metrics per bucket and group straight from spans, for what the rollup does not carry (the
-- user, who is often set on the trace's root span only: taken from trace_index). Same columns as
-- metrics_rollup.sql.
-- Quantiles (t-digest merges, the costly part) are computed only for the metrics that need them;
-- otherwise their markers hold an empty array.
SELECT
    /*{bucket}*/                                                            AS bucket,
    /*{group}*/                                                             AS group_key,
    count()                                                                 AS calls,
    countIf(s.status_code = 'error')                                        AS errs,
    countIf(s.obs_type IN ('llm', 'embedding'))                             AS model_calls,
    sumIf(s.input_tokens, NOT s.usage_is_rollup)                            AS tin,
    sumIf(s.output_tokens, NOT s.usage_is_rollup)                           AS tout,
    sumIf(s.cache_read_tokens, NOT s.usage_is_rollup)                       AS tcache,
    toDecimal128(sumIf(ifNull(s.cost_usd, 0), NOT s.usage_is_rollup), 9)    AS cost,
    countIf(s.obs_type IN ('llm', 'embedding') AND s.cost_usd IS NULL
            AND NOT s.usage_is_rollup)                                      AS unpriced,
    /*{latency}*/                        AS dq,
    /*{ttft}*/           AS tq
FROM spans AS s
INNER JOIN (
    SELECT t.trace_id AS trace_id, max(t.user_id) AS tu
    FROM trace_index AS t
    WHERE t.project_id = {project:String}
      AND t.start_hour >= toStartOfHour(fromUnixTimestamp64Nano({from:Int64}, 'UTC')) - INTERVAL 1 DAY
      AND t.start_hour < fromUnixTimestamp64Nano({to:Int64}, 'UTC')
    GROUP BY t.trace_id
) AS u ON u.trace_id = s.trace_id
WHERE s.project_id = {project:String}
  AND s.start_time >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
  AND s.start_time < fromUnixTimestamp64Nano({to:Int64}, 'UTC')
  AND ({type:String} = '' OR toString(s.obs_type) = {type:String})
  AND ({model:String} = '' OR s.request_model = {model:String})
  AND ({provider:String} = '' OR s.provider = {provider:String})
  AND ({service:String} = '' OR s.service_name = {service:String})
  AND ({service_version:String} = '' OR s.service_version = {service_version:String})
  AND ({environment:String} = '' OR s.environment = {environment:String})
  AND ({prompt_version:String} = '' OR s.prompt_version = {prompt_version:String})
  AND ({agent:String} = '' OR s.agent_name = {agent:String})
  AND ({tool:String} = '' OR s.tool_name = {tool:String})
  AND ({user:String} = '' OR if(s.user_id != '', s.user_id, u.tu) = {user:String})
GROUP BY bucket, group_key
