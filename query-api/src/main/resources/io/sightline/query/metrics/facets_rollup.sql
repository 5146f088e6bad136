-- Distinct values of one dimension in [from, to) with call counts, from the per-minute rollup.
SELECT
    /*{column}*/                          AS name,
    sum(m.calls)                          AS calls,
    sum(m.errors)                         AS errs,
    sum(m.input_tokens)                   AS tin,
    sum(m.output_tokens)                  AS tout,
    sum(m.cost_usd)                       AS cost,
    max(m.minute)                         AS last_seen
FROM llm_metrics_1m AS m
WHERE m.project_id = {project:String}
  AND m.minute >= toStartOfMinute(fromUnixTimestamp64Nano({from:Int64}, 'UTC'))
  AND m.minute < fromUnixTimestamp64Nano({to:Int64}, 'UTC')
  AND /*{column}*/ != ''
  /*{type_filter}*/
GROUP BY name
ORDER BY calls DESC, name
LIMIT {limit:UInt32}
