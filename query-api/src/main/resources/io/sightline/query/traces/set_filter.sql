-- Fragment of trace_page.sql: aggregate only rows that have the asked model, tool, service, ...
-- or an error, so the aggregation skips every other trace. A trace qualifies when any of its
-- rows does, as with merged sets; the aggregates then cover the matching rows only, which
-- differs from the whole trace only for traces split over several insert blocks. The page's
-- rows are re-read exactly (trace_summaries.sql) and checked again before they are returned.
  AND ({service:String} = '' OR has(t.services, {service:String}))
  AND ({service_version:String} = '' OR has(t.service_versions, {service_version:String}))
  AND ({environment:String} = '' OR has(t.environments, {environment:String}))
  AND ({model:String} = '' OR has(t.models, {model:String}))
  AND ({provider:String} = '' OR has(t.providers, {provider:String}))
  AND ({agent:String} = '' OR has(t.agents, {agent:String}))
  AND ({tool:String} = '' OR has(t.tools, {tool:String}))
  AND ({status:String} != 'error' OR t.error_count > 0)
