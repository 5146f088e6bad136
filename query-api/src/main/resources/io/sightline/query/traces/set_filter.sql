-- Fragment of trace_page.sql: only traces with a row that has the asked model, tool, service,
-- ... or an error. Exact, because a merged set holds a value (and a merged count is positive)
-- when any part does; it lets the aggregation skip every other trace.
  AND t.trace_id IN (
      SELECT c.trace_id FROM trace_index AS c
      WHERE c.project_id = {project:String}
        AND c.start_hour >= toStartOfHour(fromUnixTimestamp64Nano({from:Int64}, 'UTC'))
        AND c.start_hour < fromUnixTimestamp64Nano({to:Int64}, 'UTC') + INTERVAL 1 HOUR
        AND ({service:String} = '' OR has(c.services, {service:String}))
        AND ({service_version:String} = '' OR has(c.service_versions, {service_version:String}))
        AND ({environment:String} = '' OR has(c.environments, {environment:String}))
        AND ({model:String} = '' OR has(c.models, {model:String}))
        AND ({provider:String} = '' OR has(c.providers, {provider:String}))
        AND ({agent:String} = '' OR has(c.agents, {agent:String}))
        AND ({tool:String} = '' OR has(c.tools, {tool:String}))
        AND ({status:String} != 'error' OR c.error_count > 0))
