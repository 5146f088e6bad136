-- Time bounds and identity of the given traces, merged over every partial trace_index row
-- (one per insert block). Bounds prune the span reads that follow.
SELECT
    t.trace_id             AS trace_id,
    min(t.start_time)      AS start_time,
    max(t.end_time)        AS end_time,
    max(t.session_id)      AS session_id,
    max(t.user_id)         AS user_id
FROM trace_index AS t
WHERE t.project_id = {project:String}
  AND t.trace_id IN {trace_ids:Array(String)}
GROUP BY t.trace_id
