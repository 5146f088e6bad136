-- Whether any trace belongs to the session.
SELECT count() AS n
FROM session_traces
WHERE project_id = {project:String}
  AND session_id = {session:String}
