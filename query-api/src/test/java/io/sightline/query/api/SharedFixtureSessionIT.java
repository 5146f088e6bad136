package io.sightline.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sightline.auth.ApiKeys;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.testing.TestStore;
import io.sightline.query.testing.ApiServer;
import io.sightline.query.testing.ApiServer.Response;
import io.sightline.query.testing.FixtureRows;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ../shared/fixtures/otel-js-openai.jsonl} (real openai + OTel JS instrumentation capture,
 * content as GenAI log records) decoded and normalised by ingest, then read back as a session.
 */
class SharedFixtureSessionIT {
  static final String SESSION = "sess-otel-js-1";
  static ClickHouseGateway gateway;
  static ApiServer api;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestStore.migratedDatabase("query_fixture");
    FixtureRows.load(gateway, "default", "otel-js-openai.jsonl");
    api = new ApiServer(gateway, ApiKeys.open(), Instant.ofEpochSecond(1795787324L + 3600));
  }

  @AfterAll
  static void stop() {
    api.close();
    gateway.close();
  }

  static JsonNode ok(String path) {
    Response r = api.get(null, path);
    assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(200);
    return r.body();
  }

  static final String TRACE_1 = "a4ed39bed38548692a489cbaafdfaeac";
  static final String TRACE_2 = "3002e0db9d1a381e0a32d34e61e5e3ed";
  static final String TRACE_3 = "e82df7e67dda2d26d309ba8d52be25f8";

  @Test
  void session_rebuildsThreeTurnsWithStepsInOrder() {
    JsonNode s = ok("/api/v1/sessions/" + SESSION);
    assertThat(s.get("userId").asText()).isEqualTo("user-42");
    assertThat(s.get("traceCount").asInt()).isEqualTo(3);
    assertThat(s.get("turnCount").asInt()).isEqualTo(3);
    assertThat(s.get("spanCount").asInt()).isEqualTo(10);
    assertThat(s.get("usage").get("inputTokens").asLong()).isEqualTo(600);
    assertThat(s.get("usage").get("outputTokens").asLong()).isEqualTo(114);
    assertThat(s.get("unpricedCalls").asInt()).as("no prices applied in this test").isEqualTo(5);
    JsonNode turns = s.get("turns");
    assertThat(turns).extracting(t -> t.get("traceId").asText()).containsExactly(TRACE_1, TRACE_2, TRACE_3);

    JsonNode t1 = turns.get(0);
    assertThat(t1.get("name").asText()).isEqualTo("invoke_agent support-bot");
    assertThat(t1.get("input").asText()).isEqualTo("Where is my order 48213?");
    assertThat(t1.get("output").asText()).startsWith("Based on the tool result: {\"order_id\":\"48213\"");
    assertThat(t1.get("steps")).extracting(x -> x.get("kind").asText()).containsExactly("llm", "tool", "llm");
    JsonNode ask = t1.get("steps").get(0);
    assertThat(ask.get("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(ask.get("responseModel").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(ask.get("input").asText()).as("from gen_ai.user.message records").isEqualTo("Where is my order 48213?");
    assertThat(ask.get("toolCalls").get(0).get("id").asText()).as("from the gen_ai.choice record").isEqualTo("call_1");
    assertThat(ask.get("toolCalls").get(0).get("name").asText()).isEqualTo("get_order_status");
    assertThat(ask.get("toolCalls").get(0).get("arguments").asText()).isEqualTo("{\"order_id\":\"48213\"}");
    JsonNode order = t1.get("steps").get(1);
    assertThat(order.get("toolName").asText()).isEqualTo("get_order_status");
    assertThat(order.get("toolCallId").asText()).isEqualTo("call_1");
    assertThat(order.get("requestedBy").get("spanId").asText()).isEqualTo(ask.get("spanId").asText());
    assertThat(order.get("requestedBy").get("linkedBy").asText()).isEqualTo("tool_call_id");

    JsonNode t2 = turns.get(1);
    assertThat(t2.get("input").asText()).isEqualTo("Will the weather in Atlantis delay delivery?");
    assertThat(t2.get("steps")).extracting(x -> x.get("kind").asText()).containsExactly("llm", "tool", "llm");
    JsonNode weather = t2.get("steps").get(1);
    assertThat(weather.get("toolName").asText()).isEqualTo("get_weather");
    assertThat(weather.get("status").asText()).isEqualTo("error");
    assertThat(weather.get("errorMessage").asText()).isEqualTo("weather service has no station for Atlantis");
    assertThat(weather.get("requestedBy").get("linkedBy").asText()).isEqualTo("tool_call_id");
    assertThat(t2.get("output").asText()).contains("weather service has no station for Atlantis");

    JsonNode t3 = turns.get(2);
    assertThat(t3.get("input").asText()).isEqualTo("Summarize our conversation in one line.");
    assertThat(t3.get("steps")).extracting(x -> x.get("kind").asText()).containsExactly("llm");
  }

  @Test
  void analysis_findsTheUnrecoveredWeatherFailureAsRootCause() {
    JsonNode a = ok("/api/v1/sessions/" + SESSION + "/analysis");
    JsonNode first = a.get("findings").get(0);
    assertThat(first.get("type").asText()).isEqualTo("root_cause");
    assertThat(first.get("turn").asInt()).isEqualTo(2);
    assertThat(first.get("traceId").asText()).isEqualTo(TRACE_2);
    assertThat(first.get("evidence").get("errorMessage").asText())
        .isEqualTo("weather service has no station for Atlantis");
    assertThat(first.get("evidence").get("outcome").asText()).isEqualTo("the final answer only repeats the error");
    assertThat(a.get("findings")).extracting(f -> f.get("type").asText())
        .doesNotContain("recovered_error", "tool_loop", "truncated_output");
  }

  @Test
  void traceList_andGraph_seeTheFixtureTraces() {
    JsonNode page = ok("/api/v1/traces?sessionId=" + SESSION);
    assertThat(page.get("items")).extracting(t -> t.get("traceId").asText()).containsExactly(TRACE_3, TRACE_2, TRACE_1);
    assertThat(page.get("items").get(1).get("status").asText()).isEqualTo("error");
    JsonNode g = ok("/api/v1/sessions/" + SESSION + "/graph");
    assertThat(QueryApiIT.edge(g, "agent:support-bot", "model:gpt-4o-mini").get("calls").asInt()).isEqualTo(5);
    assertThat(QueryApiIT.edge(g, "agent:support-bot", "tool:get_weather").get("errors").asInt()).isEqualTo(1);
  }
}
