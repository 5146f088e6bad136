-- Content of the given traces' spans, same key range as spans.sql; every stored version, oldest
-- first, so the newest one is the last SpanLoader sees.
SELECT
    trace_id, span_id, system_instructions, input_messages, output_messages, tool_definitions,
    tool_arguments, tool_result, retrieval_documents, generic_input, generic_output,
    truncated_fields, redaction_count
FROM span_content
WHERE project_id = {project:String}
  AND start_time >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
  AND start_time <= fromUnixTimestamp64Nano({to:Int64}, 'UTC')
  AND trace_id IN {trace_ids:Array(String)}
ORDER BY ingested_at
