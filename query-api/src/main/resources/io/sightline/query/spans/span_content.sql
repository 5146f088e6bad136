-- Content of the given traces' spans, deduplicated, same key range as spans.sql.
SELECT
    trace_id, span_id, system_instructions, input_messages, output_messages, tool_definitions,
    tool_arguments, tool_result, retrieval_documents, generic_input, generic_output,
    truncated_fields, redaction_count
FROM span_content FINAL
WHERE project_id = {project:String}
  AND start_time >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
  AND start_time <= fromUnixTimestamp64Nano({to:Int64}, 'UTC')
  AND trace_id IN {trace_ids:Array(String)}
SETTINGS do_not_merge_across_partitions_select_final = 1
