-- Exact list rows for the given traces, merged over every partial trace_index row.
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
    groupUniqArrayArray(t.models)               AS model_set,
    groupUniqArrayArray(t.agents)               AS agent_set
FROM trace_index AS t
WHERE t.project_id = {project:String}
  AND t.start_hour >= toStartOfHour(fromUnixTimestamp64Nano({from:Int64}, 'UTC')) - INTERVAL 1 HOUR
  AND t.trace_id IN {trace_ids:Array(String)}
GROUP BY t.trace_id
