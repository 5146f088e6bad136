-- Live feedback on a session and on its traces and spans, oldest first.
SELECT score_id, target_type, target_id, trace_id, span_id, session_id, name, data_type, value,
       string_value, comment, source, user_id, metadata, created_at, updated_at
FROM scores FINAL
WHERE project_id = {project:String}
  AND session_id = {session:String}
  AND is_deleted = 0
ORDER BY created_at, score_id
LIMIT {limit:UInt32}
