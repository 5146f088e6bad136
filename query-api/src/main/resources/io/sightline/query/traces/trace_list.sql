-- One page of traces that started in [from, to), newest first by default. trace_index holds one
-- row per trace and insert block, keyed by the block's start hour: candidates are found by hour,
-- then every partial row of those traces is merged. Set-valued and id filters are safe to apply
-- to partial rows (a merged set has a value when any part has it); everything else is checked on
-- the merged trace. Optional filters take '' or 0 for "absent".
SELECT
    t.trace_id                                  AS trace_id,
    min(t.start_time)                           AS trace_start,
    max(t.end_time)                             AS trace_end,
    max(t.root_span_id)                         AS root_span,
    max(t.root_name)                            AS root,
    max(t.root_service)                         AS root_svc,
    max(t.root_input)                           AS root_in,
    max(t.root_output)                          AS root_out,
    max(t.session_id)                           AS sid,
    max(t.user_id)                              AS uid,
    sum(t.span_count)                           AS spans,
    sum(t.llm_calls)                            AS llm,
    sum(t.tool_calls)                           AS tool,
    sum(t.error_count)                          AS errors,
    sum(t.input_tokens)                         AS tokens_in,
    sum(t.output_tokens)                        AS tokens_out,
    sum(t.cache_read_tokens)                    AS tokens_cached,
    sum(t.cost_usd)                             AS cost,
    sum(t.unpriced_calls)                       AS unpriced,
    groupUniqArrayArray(t.services)             AS svc_set,
    groupUniqArrayArray(t.service_versions)     AS version_set,
    groupUniqArrayArray(t.environments)         AS env_set,
    groupUniqArrayArray(t.models)               AS model_set,
    groupUniqArrayArray(t.providers)            AS provider_set,
    groupUniqArrayArray(t.agents)               AS agent_set,
    groupUniqArrayArray(t.tools)                AS tool_set,
    /*{sort}*/                                  AS sort_value
FROM trace_index AS t
WHERE t.project_id = {project:String}
  AND t.start_hour >= toStartOfHour(fromUnixTimestamp64Nano({from:Int64}, 'UTC'))
  AND t.trace_id IN (
      SELECT c.trace_id
      FROM trace_index AS c
      WHERE c.project_id = {project:String}
        AND c.start_hour >= toStartOfHour(fromUnixTimestamp64Nano({from:Int64}, 'UTC'))
        AND c.start_hour < fromUnixTimestamp64Nano({to:Int64}, 'UTC')
        AND ({service:String} = '' OR has(c.services, {service:String}))
        AND ({service_version:String} = '' OR has(c.service_versions, {service_version:String}))
        AND ({environment:String} = '' OR has(c.environments, {environment:String}))
        AND ({model:String} = '' OR has(c.models, {model:String}))
        AND ({provider:String} = '' OR has(c.providers, {provider:String}))
        AND ({agent:String} = '' OR has(c.agents, {agent:String}))
        AND ({tool:String} = '' OR has(c.tools, {tool:String}))
        AND ({session:String} = '' OR c.session_id = {session:String})
        AND ({user:String} = '' OR c.user_id = {user:String})
  )
  /*{span_filter}*/
GROUP BY t.trace_id
HAVING trace_start >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
   AND trace_start < fromUnixTimestamp64Nano({to:Int64}, 'UTC')
   AND ({session:String} = '' OR sid = {session:String})
   AND ({user:String} = '' OR uid = {user:String})
   AND ({status:String} = '' OR (errors > 0) = ({status:String} = 'error'))
   AND toInt64(toUnixTimestamp64Nano(trace_end) - toUnixTimestamp64Nano(trace_start)) >= {min_duration_ns:Int64}
   AND toFloat64(cost) >= {min_cost:Float64}
   AND ({has_cursor:UInt8} = 0
        OR (sort_value, t.trace_id) /*{cursor_op}*/ ({cursor_value:Int64}, {cursor_id:String}))
ORDER BY sort_value /*{order}*/, t.trace_id /*{order}*/
LIMIT {limit:UInt32}
