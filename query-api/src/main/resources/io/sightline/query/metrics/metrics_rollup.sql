-- Call metrics per bucket and group from the per-minute rollup (minute resolution). Sums and
-- t-digest states merge exactly across parts. Optional filters take '' for "absent".
-- Quantiles (t-digest merges, the costly part) are computed only for the metrics that need them;
-- otherwise their markers hold an empty array.
SELECT
    /*{bucket}*/                                                       AS bucket,
    /*{group}*/                                                        AS group_key,
    sum(m.calls)                                                       AS calls,
    sum(m.errors)                                                      AS errs,
    sumIf(m.calls, m.obs_type IN ('llm', 'embedding'))                 AS model_calls,
    sum(m.input_tokens)                                                AS tin,
    sum(m.output_tokens)                                               AS tout,
    sum(m.cache_read_tokens)                                           AS tcache,
    sum(m.cost_usd)                                                    AS cost,
    sum(m.unpriced_calls)                                              AS unpriced,
    /*{latency}*/               AS dq,
    /*{ttft}*/                 AS tq
FROM llm_metrics_1m AS m
WHERE m.project_id = {project:String}
  AND m.minute >= toStartOfMinute(fromUnixTimestamp64Nano({from:Int64}, 'UTC'))
  AND m.minute < fromUnixTimestamp64Nano({to:Int64}, 'UTC')
  AND ({type:String} = '' OR toString(m.obs_type) = {type:String})
  AND ({model:String} = '' OR m.request_model = {model:String})
  AND ({provider:String} = '' OR m.provider = {provider:String})
  AND ({service:String} = '' OR m.service_name = {service:String})
  AND ({service_version:String} = '' OR m.service_version = {service_version:String})
  AND ({environment:String} = '' OR m.environment = {environment:String})
  AND ({prompt_version:String} = '' OR m.prompt_version = {prompt_version:String})
  AND ({agent:String} = '' OR m.agent_name = {agent:String})
  AND ({tool:String} = '' OR m.tool_name = {tool:String})
GROUP BY bucket, group_key
