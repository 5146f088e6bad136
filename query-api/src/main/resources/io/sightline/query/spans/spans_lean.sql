-- Every span of the given traces without raw attributes, events and links (the widest columns),
-- for views built from the normalised fields only (session turns and steps, agent graphs).
-- Same shape as spans.sql: the newest stored version of each span, bounded by the traces' time
-- range.
SELECT
    trace_id, span_id, ingested_at, parent_span_id, start_time, duration_ns, service_name, service_version,
    environment, scope_name, scope_version, span_name, span_kind, status_code, status_message,
    obs_type, operation_name, provider, request_model, response_model, response_id, agent_name,
    agent_id, tool_name, tool_call_id, session_id, user_id, prompt_name, prompt_version,
    finish_reasons, error_type, error_message, is_streaming, ttft_ms, input_tokens,
    output_tokens, total_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens,
    usage_is_rollup, cost_usd, cost_source, price_version, input_preview, output_preview,
    semconv_source,
    CAST(map(), 'Map(String, String)') AS span_attributes,
    CAST(map(), 'Map(String, String)') AS resource_attributes,
    CAST([], 'Array(DateTime64(9, \'UTC\'))') AS event_times,
    CAST([], 'Array(String)') AS event_names,
    CAST([], 'Array(Map(String, String))') AS event_attributes,
    CAST([], 'Array(String)') AS link_trace_ids, CAST([], 'Array(String)') AS link_span_ids,
    CAST([], 'Array(Map(String, String))') AS link_attributes
FROM spans
WHERE project_id = {project:String}
  AND start_time >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
  AND start_time <= fromUnixTimestamp64Nano({to:Int64}, 'UTC')
  AND trace_id IN {trace_ids:Array(String)}
ORDER BY start_time, span_id, ingested_at DESC
LIMIT 1 BY trace_id, span_id
LIMIT {max_spans:UInt32}
