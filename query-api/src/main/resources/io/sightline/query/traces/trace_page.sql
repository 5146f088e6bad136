-- Which traces make one page: traces that started in [from, to) and pass the filters, in sort
-- order after the cursor. trace_index holds one row per trace and insert block, keyed by the
-- block's start hour; a trace's rows all lie at or after the hour it started. Rows from an hour
-- before `from` to an hour after `to` are read, so a trace that started before the window (and
-- ran under an hour) shows its true start and is left out, and one that started inside it has
-- its later blocks counted. Set, session and user filters come as fragments
-- (set_filter.sql, id_filter_*.sql) only when asked for: HAVING here reads only cheap numeric
-- columns, never the arrays. trace_summaries.sql then merges every row of the page's traces for
-- exact figures. Optional filters take '' or 0 for "absent".
SELECT
    t.trace_id                                            AS trace_id,
    /*{sort}*/                                            AS sort_value
FROM trace_index AS t
WHERE t.project_id = {project:String}
  AND t.start_hour >= toStartOfHour(fromUnixTimestamp64Nano({from:Int64}, 'UTC')) - INTERVAL 1 HOUR
  AND t.start_hour < fromUnixTimestamp64Nano({to:Int64}, 'UTC') + INTERVAL 1 HOUR
  /*{id_filter}*/
  /*{span_filter}*/
GROUP BY t.trace_id
HAVING min(t.start_time) >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
   AND min(t.start_time) < fromUnixTimestamp64Nano({to:Int64}, 'UTC')
   AND ({status:String} = '' OR (sum(t.error_count) > 0) = ({status:String} = 'error'))
   AND toInt64(toUnixTimestamp64Nano(max(t.end_time)) - toUnixTimestamp64Nano(min(t.start_time)))
       >= {min_duration_ns:Int64}
   AND toFloat64(sum(t.cost_usd)) >= {min_cost:Float64}
   AND ({has_cursor:UInt8} = 0
        OR (sort_value, t.trace_id) /*{cursor_op}*/ ({cursor_value:Int64}, {cursor_id:String}))
ORDER BY sort_value /*{order}*/, t.trace_id /*{order}*/
LIMIT {limit:UInt32}
