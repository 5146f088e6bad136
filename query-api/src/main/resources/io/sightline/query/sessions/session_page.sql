-- Which sessions make one page when only membership is needed (sort by last/first seen or trace
-- count, filters on session and user only): session_traces alone, merged over partial rows.
-- session_list.sql then computes the page's full rows. Optional filters take '' for "absent".
SELECT a.session_id AS session_id, /*{sort}*/ AS sort_value
FROM session_traces AS a
WHERE a.project_id = {project:String}
  AND a.session_id IN (
      SELECT b.session_id FROM session_traces AS b
      WHERE b.project_id = {project:String}
        AND b.last_seen >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
        AND b.first_seen < fromUnixTimestamp64Nano({to:Int64}, 'UTC')
        AND ({session:String} = '' OR b.session_id = {session:String}))
GROUP BY a.session_id
HAVING ({user:String} = '' OR max(a.user_id) = {user:String})
   AND ({has_cursor:UInt8} = 0
        OR (sort_value, a.session_id) /*{cursor_op}*/ ({cursor_value:Int64}, {cursor_id:String}))
ORDER BY sort_value /*{order}*/, a.session_id /*{order}*/
LIMIT {limit:UInt32}
