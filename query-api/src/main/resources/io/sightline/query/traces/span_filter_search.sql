-- Fragment of trace_page.sql: traces whose inputs or outputs contain {q} (case-insensitive), in
-- span previews, full span content or GenAI log records.
  AND t.trace_id IN (
      SELECT s.trace_id
      FROM spans AS s
      WHERE s.project_id = {project:String}
        AND s.start_time >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
        AND s.start_time < fromUnixTimestamp64Nano({to:Int64}, 'UTC') + INTERVAL 1 HOUR
        AND (positionCaseInsensitiveUTF8(s.input_preview, {q:String}) > 0
             OR positionCaseInsensitiveUTF8(s.output_preview, {q:String}) > 0)
      UNION DISTINCT
      SELECT c.trace_id
      FROM span_content AS c
      WHERE c.project_id = {project:String}
        AND c.start_time >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
        AND c.start_time < fromUnixTimestamp64Nano({to:Int64}, 'UTC') + INTERVAL 1 HOUR
        AND (positionCaseInsensitiveUTF8(c.input_messages, {q:String}) > 0
             OR positionCaseInsensitiveUTF8(c.output_messages, {q:String}) > 0
             OR positionCaseInsensitiveUTF8(c.generic_input, {q:String}) > 0
             OR positionCaseInsensitiveUTF8(c.generic_output, {q:String}) > 0
             OR positionCaseInsensitiveUTF8(c.tool_arguments, {q:String}) > 0
             OR positionCaseInsensitiveUTF8(c.tool_result, {q:String}) > 0
             OR positionCaseInsensitiveUTF8(c.retrieval_documents, {q:String}) > 0)
      UNION DISTINCT
      SELECT e.trace_id
      FROM genai_log_events AS e
      WHERE e.project_id = {project:String}
        AND e.time >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
        AND e.time < fromUnixTimestamp64Nano({to:Int64}, 'UTC') + INTERVAL 1 HOUR
        AND positionCaseInsensitiveUTF8(e.message, {q:String}) > 0
  )
