-- Fragment of trace_page.sql: traces with spans carrying every attr.<key>=<value> pair (span or
-- resource attribute). Each span sets one bit per pair it satisfies; the trace needs all bits.
  AND t.trace_id IN (
      SELECT s.trace_id
      FROM spans AS s
      WHERE s.project_id = {project:String}
        AND s.start_time >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
        AND s.start_time < fromUnixTimestamp64Nano({to:Int64}, 'UTC') + INTERVAL 1 HOUR
      GROUP BY s.trace_id
      HAVING groupBitOr(toUInt64(arraySum(i -> if(
                 s.span_attributes[{attr_keys:Array(String)}[i]] = {attr_values:Array(String)}[i]
                 OR s.resource_attributes[{attr_keys:Array(String)}[i]] = {attr_values:Array(String)}[i],
                 exp2(i - 1), 0),
             arrayEnumerate({attr_keys:Array(String)}))))
           = toUInt64(exp2(length({attr_keys:Array(String)})) - 1)
  )
