-- Users seen in [from, to): traces started, traces with errors, tokens and cost.
SELECT
    u.uid                                 AS name,
    count()                               AS calls,
    countIf(u.errors > 0)                 AS errs,
    sum(u.tin)                            AS tin,
    sum(u.tout)                           AS tout,
    sum(u.cost)                           AS cost,
    max(u.te)                             AS last_seen
FROM (
    SELECT t.trace_id, max(t.user_id) AS uid, min(t.start_time) AS ts, max(t.end_time) AS te,
           sum(t.error_count) AS errors, sum(t.input_tokens) AS tin,
           sum(t.output_tokens) AS tout, sum(t.cost_usd) AS cost
    FROM trace_index AS t
    WHERE t.project_id = {project:String}
      AND t.start_hour >= toStartOfHour(fromUnixTimestamp64Nano({from:Int64}, 'UTC')) - INTERVAL 1 HOUR
      AND t.start_hour < fromUnixTimestamp64Nano({to:Int64}, 'UTC')
    GROUP BY t.trace_id
    HAVING uid != '' AND ts >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
       AND ts < fromUnixTimestamp64Nano({to:Int64}, 'UTC')
) AS u
GROUP BY name
ORDER BY calls DESC, name
LIMIT {limit:UInt32}
