-- Alert history (immutable evaluations and transitions) and the current state per rule and
-- group, kept by a materialized view. Rules themselves are configuration, not rows.
-- sharding: cityHash64(project_id, rule_id)
CREATE TABLE IF NOT EXISTS alert_events
(
    project_id        LowCardinality(String),
    rule_id           String,
    rule_version      UInt32,
    group_key         String,
    labels            Map(String, String),
    event_id          UUID,
    event_time        DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),
    state             Enum8('ok' = 0, 'pending' = 1, 'firing' = 2, 'resolved' = 3,
                            'acknowledged' = 4, 'muted' = 5, 'error' = 6),
    severity          Enum8('info' = 1, 'warning' = 2, 'critical' = 3),
    window_start      DateTime64(3, 'UTC'),
    window_end        DateTime64(3, 'UTC'),
    observed_value    Float64,
    threshold         Float64,
    comparator        LowCardinality(String),
    sample_trace_ids  Array(String),
    message           String CODEC(ZSTD(3)),
    notification      Map(String, String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (project_id, rule_id, group_key, event_time)
TTL toDateTime(event_time) + INTERVAL 400 DAY;

-- sharding: cityHash64(project_id, rule_id)
CREATE TABLE IF NOT EXISTS alert_state
(
    project_id      LowCardinality(String),
    rule_id         String,
    group_key       String,
    state           Enum8('ok' = 0, 'pending' = 1, 'firing' = 2, 'resolved' = 3,
                          'acknowledged' = 4, 'muted' = 5, 'error' = 6),
    since           DateTime64(3, 'UTC'),
    last_event_id   UUID,
    observed_value  Float64,
    event_time      DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(event_time)
ORDER BY (project_id, rule_id, group_key);

CREATE MATERIALIZED VIEW IF NOT EXISTS alert_state_mv TO alert_state AS
SELECT e.project_id AS project_id, e.rule_id AS rule_id, e.group_key AS group_key,
       e.state AS state, e.event_time AS since, e.event_id AS last_event_id,
       e.observed_value AS observed_value, e.event_time AS event_time
FROM alert_events AS e;
