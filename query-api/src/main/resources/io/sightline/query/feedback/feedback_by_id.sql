-- The live versions of one score id (normally one row).
SELECT score_id, target_type, target_id, trace_id, span_id, session_id, name, data_type, value,
       string_value, comment, source, user_id, metadata, created_at, updated_at, retention_days
FROM scores FINAL
WHERE project_id = {project:String}
  AND score_id = {id:UUID}
  AND is_deleted = 0
