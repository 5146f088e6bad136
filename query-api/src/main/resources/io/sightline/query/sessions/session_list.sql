-- One page of sessions active in [from, to): membership from session_traces, per-trace totals
-- from trace_index (both merged over partial rows), summed per session. Optional filters take
-- '' or 0 for "absent"; a set filter matches when any trace of the session matches. With
-- only_listed, just the given sessions (a page picked by session_page.sql).
WITH members AS (
    SELECT m.session_id AS session_id, m.trace_id AS trace_id,
           min(m.first_seen) AS fs, max(m.last_seen) AS ls, max(m.user_id) AS mu
    FROM session_traces AS m
    WHERE m.project_id = {project:String}
      AND m.session_id IN (
          SELECT a.session_id
          FROM session_traces AS a
          WHERE a.project_id = {project:String}
            AND a.last_seen >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
            AND a.first_seen < fromUnixTimestamp64Nano({to:Int64}, 'UTC')
            AND ({session:String} = '' OR a.session_id = {session:String})
            AND ({only_listed:UInt8} = 0 OR a.session_id IN {session_ids:Array(String)})
      )
    GROUP BY m.session_id, m.trace_id
),
traces AS (
    SELECT t.trace_id AS trace_id, min(t.start_time) AS ts, max(t.end_time) AS te,
           max(t.user_id) AS tu, sum(t.llm_calls) AS llm, sum(t.tool_calls) AS tool,
           sum(t.error_count) AS errs, sum(t.input_tokens) AS tin, sum(t.output_tokens) AS tout,
           sum(t.cache_read_tokens) AS tcache, sum(t.cost_usd) AS tcost,
           sum(t.unpriced_calls) AS tunpriced,
           groupUniqArrayArray(t.services) AS tservices,
           groupUniqArrayArray(t.service_versions) AS tversions,
           groupUniqArrayArray(t.environments) AS tenvs,
           groupUniqArrayArray(t.models) AS tmodels,
           groupUniqArrayArray(t.providers) AS tproviders,
           groupUniqArrayArray(t.agents) AS tagents,
           groupUniqArrayArray(t.tools) AS ttools
    FROM trace_index AS t
    WHERE t.project_id = {project:String}
      AND t.trace_id IN (SELECT trace_id FROM members)
    GROUP BY t.trace_id
)
SELECT
    m.session_id                                  AS session_id,
    greatest(max(m.mu), max(tr.tu))               AS uid,
    least(min(m.fs), min(tr.ts))                  AS first_seen,
    greatest(max(m.ls), max(tr.te))               AS last_seen,
    count()                                       AS trace_count,
    groupArray(m.trace_id)                        AS trace_ids,
    sum(tr.llm)                                   AS llm,
    sum(tr.tool)                                  AS tool,
    sum(tr.errs)                                  AS errors,
    sum(tr.tin)                                   AS tokens_in,
    sum(tr.tout)                                  AS tokens_out,
    sum(tr.tcache)                                AS tokens_cached,
    sum(tr.tcost)                                 AS cost,
    sum(tr.tunpriced)                             AS unpriced,
    groupUniqArrayArray(tr.tmodels)               AS models,
    groupUniqArrayArray(tr.tagents)               AS agents,
    groupUniqArrayArray(tr.tservices)             AS services,
    groupUniqArrayArray(tr.tversions)             AS versions,
    groupUniqArrayArray(tr.tenvs)                 AS envs,
    groupUniqArrayArray(tr.tproviders)            AS providers,
    groupUniqArrayArray(tr.ttools)                AS tools,
    /*{sort}*/                                    AS sort_value
FROM members AS m
INNER JOIN traces AS tr ON tr.trace_id = m.trace_id
GROUP BY m.session_id
HAVING ({user:String} = '' OR uid = {user:String})
   AND ({service:String} = '' OR has(services, {service:String}))
   AND ({service_version:String} = '' OR has(versions, {service_version:String}))
   AND ({environment:String} = '' OR has(envs, {environment:String}))
   AND ({model:String} = '' OR has(models, {model:String}))
   AND ({provider:String} = '' OR has(providers, {provider:String}))
   AND ({agent:String} = '' OR has(agents, {agent:String}))
   AND ({tool:String} = '' OR has(tools, {tool:String}))
   AND ({status:String} = '' OR (errors > 0) = ({status:String} = 'error'))
   AND toInt64(toUnixTimestamp64Nano(last_seen) - toUnixTimestamp64Nano(first_seen)) >= {min_duration_ns:Int64}
   AND toFloat64(cost) >= {min_cost:Float64}
   AND ({has_cursor:UInt8} = 0
        OR (sort_value, m.session_id) /*{cursor_op}*/ ({cursor_value:Int64}, {cursor_id:String}))
ORDER BY sort_value /*{order}*/, m.session_id /*{order}*/
LIMIT {limit:UInt32}
