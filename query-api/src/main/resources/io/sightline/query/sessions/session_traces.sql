-- The traces of one session, merged over partial membership rows.
SELECT m.trace_id AS trace_id, min(m.first_seen) AS first_seen, max(m.last_seen) AS last_seen,
       max(m.user_id) AS uid
FROM session_traces AS m
WHERE m.project_id = {project:String}
  AND m.session_id = {session:String}
GROUP BY m.trace_id
ORDER BY first_seen, trace_id
LIMIT {max_traces:UInt32}
