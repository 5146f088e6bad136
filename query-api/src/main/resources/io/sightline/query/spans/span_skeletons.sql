-- The tree shape of the given traces (ids, parents, types, times) without content or
-- attributes: enough to count turns in lists. The newest stored version of each span.
SELECT trace_id, span_id, ingested_at, parent_span_id, start_time, duration_ns, span_name, obs_type,
       status_code
FROM spans
WHERE project_id = {project:String}
  AND start_time >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
  AND start_time <= fromUnixTimestamp64Nano({to:Int64}, 'UTC')
  AND trace_id IN {trace_ids:Array(String)}
ORDER BY trace_id, span_id, ingested_at DESC
LIMIT 1 BY trace_id, span_id
