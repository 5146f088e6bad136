-- Fragment of trace_page.sql: only traces some row of which carries the session id (bloom index).
  AND t.trace_id IN (
      SELECT c.trace_id FROM trace_index AS c
      WHERE c.project_id = {project:String}
        AND c.start_hour >= toStartOfHour(fromUnixTimestamp64Nano({from:Int64}, 'UTC')) - INTERVAL 1 HOUR
        AND c.session_id = {session:String})
