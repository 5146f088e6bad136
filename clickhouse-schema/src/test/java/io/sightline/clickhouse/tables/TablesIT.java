package io.sightline.clickhouse.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Column;
import io.sightline.clickhouse.format.InsertFormat;
import io.sightline.clickhouse.format.Row;
import io.sightline.clickhouse.testing.TestStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The row encoders write the migrated tables, and the materialized views roll them up. */
class TablesIT {
  private static ClickHouseGateway g;

  @BeforeAll
  static void open() {
    g = TestStore.migratedDatabase("tables");
  }

  @AfterAll
  static void close() {
    g.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"spans", "span_content", "genai_log_events", "scores"})
  void columns_matchTheMigratedTable(String table) {
    List<Column> declared = switch (table) {
      case "spans" -> SpansTable.COLUMNS;
      case "span_content" -> SpanContentTable.COLUMNS;
      case "genai_log_events" -> LogEventsTable.COLUMNS;
      default -> ScoresTable.COLUMNS;
    };
    Map<String, String> actual = new LinkedHashMap<>();
    for (Row r : g.query(Statement.of("columns",
        "SELECT name, type FROM system.columns WHERE database = currentDatabase() "
            + "AND table = {t:String} AND default_kind NOT IN ('ALIAS', 'MATERIALIZED') ORDER BY position")
        .bind("t", table))) {
      actual.put(r.string("name"), r.string("type"));
    }
    Map<String, String> expected = new LinkedHashMap<>();
    declared.forEach(c -> expected.put(c.name(), c.type().toString()));
    assertThat(expected).isEqualTo(actual);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NATIVE", "ROW_BINARY"})
  void spans_writeAndRollUpIntoTraceIndexSessionsAndMetrics(String format) {
    String trace = UUID.randomUUID().toString().replace("-", "");
    Instant t0 = Instant.parse("2026-11-27T10:15:30.123456789Z");
    SpanRow root = SpanRow.builder().traceId(trace).spanId("00000000000000a1").startTime(t0)
        .durationNanos(2_000_000_000L).spanName("invoke_agent support").obsType("agent")
        .agentName("support").serviceName("svc").sessionId("sess-1").userId("u-1")
        .inputTokens(999).usageIsRollup(true).inputPreview("Where is my order?")
        .statusCode("ok").spanKind("internal").build();
    SpanRow llm = SpanRow.builder().traceId(trace).spanId("00000000000000a2")
        .parentSpanId("00000000000000a1").startTime(t0.plusMillis(10)).durationNanos(900_000_000L)
        .spanName("chat gpt-4o-mini").obsType("llm").provider("openai").requestModel("gpt-4o-mini")
        .serviceName("svc").inputTokens(120).outputTokens(30).cacheReadTokens(20).ttftMillis(150)
        .streaming(true).finishReasons(List.of("tool_calls")).costUsd(new BigDecimal("0.000036"))
        .costSource("computed").spanKind("client")
        .events(List.of(new SpanRow.Event(t0.plusMillis(20), "gen_ai.content.prompt", Map.of("a", "b"))))
        .build();
    SpanRow tool = SpanRow.builder().traceId(trace).spanId("00000000000000a3")
        .parentSpanId("00000000000000a1").startTime(t0.plusMillis(950)).durationNanos(5_000_000L)
        .spanName("execute_tool get_weather").obsType("tool").toolName("get_weather")
        .statusCode("error").errorType("ToolError").errorMessage("no station").serviceName("svc")
        .build();
    SpanRow unpriced = llm.toBuilder().spanId("00000000000000a4").requestModel("mystery-model")
        .costUsd(null).costSource("none").build();
    g.insert(SpansTable.batch(List.of(root, llm, tool, unpriced), InsertFormat.valueOf(format)));

    Row ti = g.query(Statement.of("trace_index",
            "SELECT min(start_time) AS start, max(end_time) AS end, max(root_name) AS root, "
                + "max(session_id) AS session, sum(span_count) AS spans, sum(llm_calls) AS llm, "
                + "sum(tool_calls) AS tools, sum(error_count) AS errors, sum(input_tokens) AS input, "
                + "sum(cost_usd) AS cost, sum(unpriced_calls) AS unpriced, "
                + "groupUniqArrayArray(models) AS models FROM trace_index "
                + "WHERE trace_id = {t:String} GROUP BY trace_id").bind("t", trace)).getFirst();
    assertThat(ti.instant("start")).isEqualTo(t0);
    assertThat(ti.instant("end")).isEqualTo(t0.plusSeconds(2));
    assertThat(ti.string("root")).isEqualTo("invoke_agent support");
    assertThat(ti.string("session")).isEqualTo("sess-1");
    assertThat(ti.longValue("spans")).isEqualTo(4);
    assertThat(ti.longValue("llm")).isEqualTo(2);
    assertThat(ti.longValue("tools")).isEqualTo(1);
    assertThat(ti.longValue("errors")).isEqualTo(1);
    assertThat(ti.longValue("input")).as("agent roll-up usage is not counted").isEqualTo(240);
    assertThat(ti.decimal("cost")).isEqualByComparingTo("0.000036");
    assertThat(ti.longValue("unpriced")).isEqualTo(1);
    assertThat(ti.<String>list("models")).containsExactlyInAnyOrder("gpt-4o-mini", "mystery-model");

    Row st = g.query(Statement.of("session_traces",
            "SELECT count() AS n, max(user_id) AS user FROM session_traces WHERE session_id = 'sess-1' "
                + "AND trace_id = {t:String}").bind("t", trace)).getFirst();
    assertThat(st.longValue("n")).isEqualTo(1);
    assertThat(st.string("user")).isEqualTo("u-1");

    Row m = g.query(Statement.of("metrics",
            "SELECT sum(calls) AS calls, sum(input_tokens) AS input, "
                + "quantilesTDigestIfMerge(0.5, 0.95, 0.99)(ttft_q)[1] AS ttft_p50 "
                + "FROM llm_metrics_1m WHERE obs_type = 'llm' AND minute = toDateTime('2026-11-27 10:15:00', 'UTC') "
                + "AND request_model = 'gpt-4o-mini'")).getFirst();
    assertThat(m.longValue("calls")).isGreaterThanOrEqualTo(1);
    assertThat(m.doubleValue("ttft_p50")).isEqualTo(150.0);

    Row back = g.query(Statement.of("span_back",
            "SELECT * FROM spans WHERE trace_id = {t:String} AND span_id = '00000000000000a2'")
        .bind("t", trace)).getFirst();
    assertThat(back.instant("start_time")).isEqualTo(t0.plusMillis(10));
    assertThat(back.decimal("cost_usd")).isEqualByComparingTo("0.000036");
    assertThat(back.<String>list("finish_reasons")).containsExactly("tool_calls");
    assertThat(back.<String>list("events.name")).containsExactly("gen_ai.content.prompt");
  }

  @Test
  void contentLogEventsAndScores_write() {
    Instant t = Instant.parse("2026-11-27T10:00:00Z");
    g.insert(SpanContentTable.batch(List.of(new SpanContentRow("default", 30,
        "0123456789abcdef0123456789abcdef", "0123456789abcdef", t, t, "", "[{\"role\":\"user\"}]",
        "", "", "", "", "", "", "", List.of("input_messages"), 70000, 2)), InsertFormat.NATIVE));
    g.insert(LogEventsTable.batch(List.of(new LogEventRow("default", 30,
        "0123456789abcdef0123456789abcdef", "0123456789abcdef", 42L, t, t, "gen_ai.choice", "svc",
        "{\"role\":\"assistant\"}", Map.of())), InsertFormat.NATIVE));
    UUID id = UUID.randomUUID();
    g.insert(ScoresTable.batch(List.of(new ScoreRow("default", id, "trace",
        "0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef", "", "", "thumbs",
        "boolean", 1, "", "great", "user", "u-1", Map.of(), t, t, false, 30)), InsertFormat.NATIVE));
    assertThat(g.query(Statement.of("c", "SELECT truncated_fields, original_bytes FROM span_content"))
        .getFirst().<String>list("truncated_fields")).containsExactly("input_messages");
    assertThat(g.query(Statement.of("l", "SELECT event_id FROM genai_log_events")).getFirst()
        .longValue("event_id")).isEqualTo(42);
    assertThat(g.query(Statement.of("s", "SELECT score_id, comment FROM scores FINAL"))
        .getFirst().get("score_id")).isEqualTo(id);
  }
}
