-- Every span of the given traces, bounded by their time range so only their hours are read.
-- A re-sent span repeats its key and start, so its stored versions are adjacent, newest first,
-- and LIMIT BY keeps the newest (before the span cap, so duplicates never crowd out spans).
-- Cheaper than FINAL, which merges whole granules to drop a rare duplicate.
SELECT
    trace_id, span_id, ingested_at, parent_span_id, start_time, duration_ns, service_name, service_version,
    environment, scope_name, scope_version, span_name, span_kind, status_code, status_message,
    obs_type, operation_name, provider, request_model, response_model, response_id, agent_name,
    agent_id, tool_name, tool_call_id, session_id, user_id, prompt_name, prompt_version,
    finish_reasons, error_type, error_message, is_streaming, ttft_ms, input_tokens,
    output_tokens, total_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens,
    usage_is_rollup, cost_usd, cost_source, price_version, input_preview, output_preview,
    semconv_source, span_attributes, resource_attributes,
    events.time AS event_times, events.name AS event_names, events.attributes AS event_attributes,
    links.trace_id AS link_trace_ids, links.span_id AS link_span_ids,
    links.attributes AS link_attributes
FROM spans
WHERE project_id = {project:String}
  AND start_time >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
  AND start_time <= fromUnixTimestamp64Nano({to:Int64}, 'UTC')
  AND trace_id IN {trace_ids:Array(String)}
ORDER BY start_time, span_id, ingested_at DESC
LIMIT 1 BY trace_id, span_id
LIMIT {max_spans:UInt32}
