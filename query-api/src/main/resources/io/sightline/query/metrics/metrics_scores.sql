-- Feedback metrics per bucket (of the score's creation time) and group. Scores on traces and
-- spans take the dimensions of their trace from trace_index; session scores only count when no
-- dimension is asked for.
SELECT
    /*{bucket}*/                                                   AS bucket,
    /*{group}*/                                                    AS group_key,
    countIf(sc.name = 'rating')                                    AS ratings,
    avgIf(sc.value, sc.name = 'rating')                            AS rating_avg,
    countIf(sc.name = 'thumbs')                                    AS thumbs,
    countIf(sc.name = 'thumbs' AND sc.value <= 0)                  AS thumbs_down
FROM scores AS sc FINAL
LEFT JOIN (
    SELECT t.trace_id AS trace_id, max(t.user_id) AS tu,
           groupUniqArrayArray(t.models) AS models,
           groupUniqArrayArray(t.providers) AS providers,
           groupUniqArrayArray(t.services) AS services,
           groupUniqArrayArray(t.service_versions) AS versions,
           groupUniqArrayArray(t.environments) AS envs,
           groupUniqArrayArray(t.agents) AS agents,
           groupUniqArrayArray(t.tools) AS tools
    FROM trace_index AS t
    WHERE t.project_id = {project:String}
      AND t.trace_id IN (
          SELECT x.trace_id FROM scores AS x
          WHERE x.project_id = {project:String} AND x.trace_id != ''
            AND x.created_at >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
            AND x.created_at < fromUnixTimestamp64Nano({to:Int64}, 'UTC'))
    GROUP BY t.trace_id
) AS d ON d.trace_id = sc.trace_id
WHERE sc.project_id = {project:String}
  AND sc.is_deleted = 0
  AND sc.created_at >= fromUnixTimestamp64Nano({from:Int64}, 'UTC')
  AND sc.created_at < fromUnixTimestamp64Nano({to:Int64}, 'UTC')
  AND sc.name IN ('rating', 'thumbs')
  AND ({model:String} = '' OR has(d.models, {model:String}))
  AND ({provider:String} = '' OR has(d.providers, {provider:String}))
  AND ({service:String} = '' OR has(d.services, {service:String}))
  AND ({service_version:String} = '' OR has(d.versions, {service_version:String}))
  AND ({environment:String} = '' OR has(d.envs, {environment:String}))
  AND ({agent:String} = '' OR has(d.agents, {agent:String}))
  AND ({tool:String} = '' OR has(d.tools, {tool:String}))
  AND ({user:String} = '' OR if(d.tu != '', d.tu, sc.user_id) = {user:String})
GROUP BY bucket, group_key
