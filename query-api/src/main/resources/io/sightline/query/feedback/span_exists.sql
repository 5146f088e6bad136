-- Whether a span of a known trace exists, within the trace's time bounds.
SELECT count() AS n
FROM spans
WHERE project_id = {project:String}
  AND start_time >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
  AND start_time <= fromUnixTimestamp64Nano({to:Int64}, 'UTC')
  AND trace_id = {trace:String}
  AND span_id = {span:String}
