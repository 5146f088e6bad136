-- The tree shape of the given traces (ids, parents, types, times) without content or
-- attributes: enough to count turns in lists. Deduplicated.
SELECT trace_id, span_id, parent_span_id, start_time, duration_ns, span_name, obs_type,
       status_code
FROM spans FINAL
WHERE project_id = {project:String}
  AND start_time >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
  AND start_time <= fromUnixTimestamp64Nano({to:Int64}, 'UTC')
  AND trace_id IN {trace_ids:Array(String)}
SETTINGS do_not_merge_across_partitions_select_final = 1
