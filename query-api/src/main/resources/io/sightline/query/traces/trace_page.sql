-- Which traces make one page: traces that started in [from, to) and pass the filters, in sort
-- order after the cursor. trace_index holds one row per trace and insert block, keyed by the
-- block's start hour; a trace's rows all lie at or after the hour it started, and rows of spans
-- starting over an hour after `to` are not read. Filters on sets and ids test whether any row
-- matches (max of a per-row test), so no array is merged here. trace_summaries.sql then merges
-- every row of the page's traces for exact figures. Optional filters take '' or 0 for "absent".
SELECT
    t.trace_id                                            AS trace_id,
    /*{sort}*/                                            AS sort_value
FROM trace_index AS t
WHERE t.project_id = {project:String}
  AND t.start_hour >= toStartOfHour(fromUnixTimestamp64Nano({from:Int64}, 'UTC'))
  AND t.start_hour < fromUnixTimestamp64Nano({to:Int64}, 'UTC') + INTERVAL 1 HOUR
  /*{id_filter}*/
  /*{span_filter}*/
GROUP BY t.trace_id
HAVING min(t.start_time) >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
   AND min(t.start_time) < fromUnixTimestamp64Nano({to:Int64}, 'UTC')
   AND ({service:String} = '' OR max(has(t.services, {service:String})))
   AND ({service_version:String} = '' OR max(has(t.service_versions, {service_version:String})))
   AND ({environment:String} = '' OR max(has(t.environments, {environment:String})))
   AND ({model:String} = '' OR max(has(t.models, {model:String})))
   AND ({provider:String} = '' OR max(has(t.providers, {provider:String})))
   AND ({agent:String} = '' OR max(has(t.agents, {agent:String})))
   AND ({tool:String} = '' OR max(has(t.tools, {tool:String})))
   AND ({session:String} = '' OR max(t.session_id) = {session:String})
   AND ({user:String} = '' OR max(t.user_id) = {user:String})
   AND ({status:String} = '' OR (sum(t.error_count) > 0) = ({status:String} = 'error'))
   AND toInt64(toUnixTimestamp64Nano(max(t.end_time)) - toUnixTimestamp64Nano(min(t.start_time)))
       >= {min_duration_ns:Int64}
   AND toFloat64(sum(t.cost_usd)) >= {min_cost:Float64}
   AND ({has_cursor:UInt8} = 0
        OR (sort_value, t.trace_id) /*{cursor_op}*/ ({cursor_value:Int64}, {cursor_id:String}))
ORDER BY sort_value /*{order}*/, t.trace_id /*{order}*/
LIMIT {limit:UInt32}
