-- The traces of one session with their full time bounds: membership from session_traces (only
-- spans carrying the session id feed it), bounds from trace_index (every span of the trace).
SELECT t.trace_id AS trace_id, min(t.start_time) AS start_time, max(t.end_time) AS end_time,
       max(t.session_id) AS session_id, max(t.user_id) AS user_id
FROM trace_index AS t
WHERE t.project_id = {project:String}
  AND t.trace_id IN (
      SELECT m.trace_id FROM session_traces AS m
      WHERE m.project_id = {project:String} AND m.session_id = {session:String})
GROUP BY t.trace_id
ORDER BY start_time, trace_id
LIMIT {max_traces:UInt32}
