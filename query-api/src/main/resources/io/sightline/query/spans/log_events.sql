-- GenAI log records of the given traces (content that arrived on the logs signal), in time order;
-- a re-sent record repeats its event id and comes out next to itself (SpanLoader keeps one).
-- Records are stamped near their span, so the window is widened a little.
SELECT trace_id, span_id, event_id, time, event_name, message, attributes
FROM genai_log_events
WHERE project_id = {project:String}
  AND time >= fromUnixTimestamp64Nano({from:Int64}, 'UTC') - INTERVAL 10 MINUTE
  AND time <= fromUnixTimestamp64Nano({to:Int64}, 'UTC') + INTERVAL 10 MINUTE
  AND trace_id IN {trace_ids:Array(String)}
ORDER BY time, event_id
