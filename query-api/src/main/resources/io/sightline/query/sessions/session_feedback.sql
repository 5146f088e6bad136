-- Feedback summary per session: scores on the session or on any of its traces and spans.
SELECT
    s.session_id                                           AS session_id,
    count()                                                AS n,
    countIf(s.name = 'thumbs' AND s.value > 0)             AS up,
    countIf(s.name = 'thumbs' AND s.value <= 0)            AS down,
    countIf(s.name = 'rating')                             AS ratings,
    avgIf(s.value, s.name = 'rating')                      AS rating_avg
FROM scores AS s FINAL
WHERE s.project_id = {project:String}
  AND s.session_id IN {sessions:Array(String)}
  AND s.is_deleted = 0
GROUP BY s.session_id
