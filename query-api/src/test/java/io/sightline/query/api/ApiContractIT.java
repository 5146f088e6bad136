package io.sightline.query.api;

import static io.sightline.query.testing.ApiServer.q;
import static io.sightline.query.testing.SupportSession.SESSION;
import static io.sightline.query.testing.SupportSession.T0;
import static io.sightline.query.testing.SupportSession.T1;
import static io.sightline.query.testing.SupportSession.T2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sightline.auth.ApiKeys;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.testing.TestStore;
import io.sightline.query.testing.ApiServer;
import io.sightline.query.testing.ApiServer.Response;
import io.sightline.query.testing.Scenario;
import io.sightline.query.testing.SupportSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules every endpoint follows: validation (400 naming the parameter), 404s, project
 * isolation, bound parameters (injection strings match literally), feedback round trips, and
 * real responses matching the OpenAPI document.
 */
class ApiContractIT {
  static final String A = "key-a";
  static final String B = "key-b";
  static final String EVIL = "x' OR '1'='1' --";
  static final String EVIL_TRACE = "5ff7651916cd43dd8448eb211c80319c";
  static ClickHouseGateway gateway;
  static ApiServer api;

  @BeforeAll
  static void start() {
    gateway = TestStore.migratedDatabase("query_contract");
    SupportSession.build("default").insert(gateway);
    // A trace whose values are injection strings: filters must match them literally.
    Scenario evil = new Scenario("default", T0);
    evil.add(evil.agent(EVIL_TRACE, "f600000000000001", null, 300_000, 1000, EVIL)
        .serviceName(EVIL).sessionId(EVIL).userId(EVIL).inputPreview("say " + EVIL)
        .spanAttributes(Map.of("tenant", EVIL)));
    evil.insert(gateway);
    // Project beta reuses a trace id and the session id of project default.
    Scenario beta = new Scenario("beta", T0);
    beta.add(beta.agent(T1, "a100000000000001", null, 0, 1000, "beta-bot").sessionId(SESSION)
        .userId("beta-user").serviceName("beta-svc"));
    beta.add(beta.llm(T1, "a100000000000002", "a100000000000001", 10, 500, 7, 3, "0.5", "stop")
        .requestModel("claude-x").responseModel("claude-x-1").serviceName("beta-svc")
        .spanName("chat claude-x"));
    beta.insert(gateway);
    api = new ApiServer(gateway, ApiKeys.parse("key-a=default,key-b=beta"), T0.plusSeconds(3600));
  }

  @AfterAll
  static void stop() {
    api.close();
    gateway.close();
  }

  static final List<String> READS = List.of(
      "/api/v1/traces", "/api/v1/traces/" + T1, "/api/v1/traces/" + T1 + "/graph",
      "/api/v1/traces/" + T1 + "/analysis", "/api/v1/sessions", "/api/v1/sessions/" + SESSION,
      "/api/v1/sessions/" + SESSION + "/graph", "/api/v1/sessions/" + SESSION + "/analysis",
      "/api/v1/metrics/summary", "/api/v1/metrics/timeseries?metric=requests",
      "/api/v1/models", "/api/v1/services", "/api/v1/agents", "/api/v1/tools", "/api/v1/users",
      "/api/v1/feedback?traceId=" + T1, "/api/v1/feedback?sessionId=" + SESSION);

  @Test
  void everyEndpoint_withoutOrWithUnknownKey_is401() {
    for (String path : READS) {
      assertThat(api.get(null, path).status()).as(path).isEqualTo(401);
      Response r = api.get("nope", path);
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(r.body().get("type").asText()).isEqualTo("unauthorized");
    }
    assertThat(api.post(null, "/api/v1/feedback", "{}").status()).isEqualTo(401);
    assertThat(api.delete(null, "/api/v1/feedback/" + java.util.UUID.randomUUID()).status()).isEqualTo(401);
  }

  @Test
  void everyEndpoint_seesOnlyItsKeysProject() {
    for (String path : READS) {
      Response a = api.get(A, path);
      Response b = api.get(B, path);
      assertThat(a.status()).as(path + " " + a.raw()).isEqualTo(200);
      assertThat(b.status()).as(path + " " + b.raw()).isIn(200, 404);
      assertThat(b.raw()).as(path).doesNotContain("support-bot", "gpt-4o-mini", "user-7", "get_weather");
      if (b.status() == 200) {
        assertThat(a.raw()).as(path).doesNotContain("beta-bot", "claude-x", "beta-user");
      }
    }
    assertThat(api.get(B, "/api/v1/traces/" + T1).body().get("name").asText()).isEqualTo("invoke_agent beta-bot");
    assertThat(api.get(A, "/api/v1/traces/" + T1).body().get("name").asText()).isEqualTo("invoke_agent support");
    assertThat(api.get(B, "/api/v1/traces/" + T2).status()).isEqualTo(404);
    assertThat(api.get(B, "/api/v1/sessions/" + SESSION).body().get("traceCount").asInt()).isEqualTo(1);
    assertThat(api.get(B, "/api/v1/metrics/summary").body().get("requests").asInt()).isEqualTo(1);
    assertThat(api.get(B, "/api/v1/models").body().get("items").get(0).get("name").asText()).isEqualTo("claude-x");
    assertThat(api.post(B, "/api/v1/feedback", "{\"traceId\":\"" + T2 + "\",\"name\":\"thumbs\",\"value\":true}")
        .status()).isEqualTo(404);
    Response mine = api.post(A, "/api/v1/feedback", "{\"traceId\":\"" + T2 + "\",\"name\":\"resolved\",\"value\":false}");
    assertThat(mine.status()).isEqualTo(201);
    String id = mine.body().get("id").asText();
    assertThat(api.delete(B, "/api/v1/feedback/" + id).status()).isEqualTo(404);
    assertThat(api.get(B, "/api/v1/feedback?sessionId=" + q(SESSION)).raw()).doesNotContain(id);
    assertThat(api.delete(A, "/api/v1/feedback/" + id).status()).isEqualTo(204);
  }

  @ParameterizedTest
  @ValueSource(strings = {"service", "serviceVersion", "environment", "model", "provider",
      "sessionId", "userId", "agent", "tool", "q", "attr.tenant"})
  void traceFilters_injectionStrings_matchLiterally(String param) {
    JsonNode page = api.get(A, "/api/v1/traces?" + param + "=" + q(EVIL)).body();
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(n -> ids.add(n.get("traceId").asText()));
    boolean carried = !List.of("serviceVersion", "environment", "model", "provider", "tool").contains(param);
    if (carried) {
      assertThat(ids).as(param).containsExactly(EVIL_TRACE);
    } else {
      assertThat(ids).as(param).isEmpty();
    }
    for (String variant : List.of("' OR 1=1 --", "x') OR ('1'='1", "\\'; DROP TABLE spans; --",
        "%' OR '%'='", "{project:String}", "\u00e9\"\\")) {
      Response r = api.get(A, "/api/v1/traces?" + param + "=" + q(variant));
      assertThat(r.status()).as(param + "=" + variant).isEqualTo(200);
      assertThat(r.body().get("items")).as(param + "=" + variant).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"service", "serviceVersion", "environment", "model", "provider",
      "promptVersion", "agent", "tool", "userId"})
  void metricAndSessionFilters_injectionStrings_matchLiterally(String param) {
    for (String variant : List.of(EVIL, "' OR 1=1 --", "x') OR ('1'='1", "{project:String}")) {
      Response m = api.get(A, "/api/v1/metrics/summary?type=all&" + param + "=" + q(variant));
      assertThat(m.status()).as(param).isEqualTo(200);
      int expected = variant.equals(EVIL) && List.of("service", "agent", "userId").contains(param) ? 1 : 0;
      assertThat(m.body().get("requests").asInt()).as(param + "=" + variant).isEqualTo(expected);
      Response ts = api.get(A, "/api/v1/metrics/timeseries?metric=requests&groupBy=model&" + param + "=" + q(variant));
      assertThat(ts.status()).isEqualTo(200);
      if (!param.equals("promptVersion")) {
        Response s = api.get(A, "/api/v1/sessions?" + param + "=" + q(variant));
        assertThat(s.status()).as(param).isEqualTo(200);
        assertThat(s.body().get("items").size()).as(param + "=" + variant)
            .isEqualTo(variant.equals(EVIL) && List.of("service", "agent", "userId").contains(param) ? 1 : 0);
      }
    }
    assertThat(api.get(A, "/api/v1/sessions/" + q(EVIL)).body().get("traceCount").asInt()).isEqualTo(1);
    assertThat(api.get(A, "/api/v1/sessions/" + q("x' OR '1'='1")).status()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "/api/v1/traces?from=yesterday|from",
      "/api/v1/traces?from=2026-11-28T00:00:00Z&to=2026-11-27T00:00:00Z|from",
      "/api/v1/traces?from=2025-01-01T00:00:00Z|from",
      "/api/v1/traces?limit=501|limit",
      "/api/v1/traces?limit=0|limit",
      "/api/v1/traces?limit=ten|limit",
      "/api/v1/traces?sort=bogus|sort",
      "/api/v1/traces?sort=start%27%20OR%201%3D1%20--|sort",
      "/api/v1/traces?status=error%27%20OR%20%271%27%3D%271|status",
      "/api/v1/traces?minCostUsd=0%20OR%201%3D1|minCostUsd",
      "/api/v1/metrics/timeseries?metric=requests&groupBy=model%27)%20--|groupBy",
      "/api/v1/traces?order=sideways|order",
      "/api/v1/traces?status=broken|status",
      "/api/v1/traces?minDurationMs=-1|minDurationMs",
      "/api/v1/traces?minCostUsd=cheap|minCostUsd",
      "/api/v1/traces?cursor=not-a-cursor|cursor",
      "/api/v1/traces?from=2300-01-01T00:00:00Z&to=2300-01-02T00:00:00Z|to",
      "/api/v1/traces?from=1969-12-31T00:00:00Z|from",
      "/api/v1/traces?to=99999999999|to",
      "/api/v1/traces?modle=gpt|modle",
      "/api/v1/traces?attr.b%20d=x|attr.b d",
      "/api/v1/traces/not-hex|traceId",
      "/api/v1/traces/00000000000000000000000000000000|traceId",
      "/api/v1/traces/0af7651916cd43dd8448eb211c80319c/graph?x=1|x",
      "/api/v1/sessions?q=refund|q",
      "/api/v1/sessions?sort=cost&limit=100000|limit",
      "/api/v1/metrics/summary?type=bogus|type",
      "/api/v1/metrics/timeseries|metric",
      "/api/v1/metrics/timeseries?metric=bogus|metric",
      "/api/v1/metrics/timeseries?metric=requests&groupBy=bogus|groupBy",
      "/api/v1/metrics/timeseries?metric=requests&interval=30s|interval",
      "/api/v1/metrics/timeseries?metric=requests&interval=2d|interval",
      "/api/v1/metrics/timeseries?metric=requests&interval=1m&from=2026-10-01T00:00:00Z|interval",
      "/api/v1/metrics/timeseries?metric=rating_avg&groupBy=promptVersion|groupBy",
      "/api/v1/models?limit=0|limit",
      "/api/v1/feedback|traceId",
      "/api/v1/feedback?traceId=xyz|traceId"})
  void badParameters_are400NamingTheParameter(String path, String parameter) {
    Response r = api.get(A, path);
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    assertThat(r.body().get("parameter").asText()).isEqualTo(parameter);
    assertThat(r.body().get("detail").asText()).startsWith(parameter + ":");
    assertThat(r.body().get("title").asText()).isEqualTo("Bad Request");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{}|traceId",
      "not json|body",
      "[1]|body",
      "{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"name\":\"thumbs\",\"value\":true} trailing|body",
      "{\"traceId\":\"xyz\",\"name\":\"thumbs\",\"value\":true}|traceId",
      "{\"spanId\":\"a100000000000002\",\"name\":\"thumbs\",\"value\":true}|traceId",
      "{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"name\":\"\",\"value\":1}|name",
      "{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"name\":\"rating\",\"value\":\"good\"}|value",
      "{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"name\":\"thumbs\",\"value\":null}|value",
      "{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"name\":\"x\",\"value\":1,\"bogus\":1}|bogus",
      "{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"name\":\"x\",\"value\":1,\"source\":\"robot\"}|source"})
  void badFeedbackBodies_are400NamingTheField(String body, String field) {
    Response r = api.post(A, "/api/v1/feedback", body);
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    assertThat(r.body().get("parameter").asText()).isEqualTo(field);
  }

  @Test
  void unknownIds_are404() {
    String unknown = "9ff7651916cd43dd8448eb211c80319c";
    for (String path : List.of("/api/v1/traces/" + unknown, "/api/v1/traces/" + unknown + "/graph",
        "/api/v1/traces/" + unknown + "/analysis", "/api/v1/sessions/nope",
        "/api/v1/sessions/nope/graph", "/api/v1/sessions/nope/analysis",
        "/api/v1/feedback?traceId=" + unknown, "/api/v1/feedback?sessionId=nope")) {
      Response r = api.get(A, path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.body().get("type").asText()).isEqualTo("not_found");
    }
    assertThat(api.delete(A, "/api/v1/feedback/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(api.delete(A, "/api/v1/feedback/not-a-uuid").status()).isEqualTo(400);
    assertThat(api.post(A, "/api/v1/feedback", "{\"traceId\":\"" + unknown + "\",\"name\":\"thumbs\",\"value\":true}").status()).isEqualTo(404);
    assertThat(api.post(A, "/api/v1/feedback", "{\"traceId\":\"" + T1 + "\",\"spanId\":\"0000000000000abc\",\"name\":\"thumbs\",\"value\":true}").status()).isEqualTo(404);
    assertThat(api.post(A, "/api/v1/feedback", "{\"sessionId\":\"nope\",\"name\":\"thumbs\",\"value\":true}").status()).isEqualTo(404);
    assertThat(api.get(A, "/api/v1/nothing").status()).isEqualTo(404);
  }

  @Test
  void feedback_roundTripsIdempotentlyAndFeedsSummariesAndMetrics() {
    String thumbs = "{\"traceId\":\"" + T1 + "\",\"name\":\"thumbs\",\"value\":%s,\"comment\":\"meh\","
        + "\"userId\":\"user-7\",\"source\":\"user\",\"idempotencyKey\":\"fb-1\",\"metadata\":{\"ui\":\"web\"}}";
    Response first = api.post(A, "/api/v1/feedback", thumbs.formatted("false"));
    assertThat(first.status()).as(first.raw()).isEqualTo(201);
    Response again = api.post(A, "/api/v1/feedback", thumbs.formatted("true"));
    assertThat(again.status()).as("same idempotency key replaces").isEqualTo(200);
    Response reused = api.post(A, "/api/v1/feedback", "{\"traceId\":\"" + T1
        + "\",\"name\":\"rating\",\"value\":4,\"idempotencyKey\":\"fb-1\"}");
    assertThat(reused.status()).as("a key cannot move to another score").isEqualTo(409);
    assertThat(reused.body().get("parameter").asText()).isEqualTo("idempotencyKey");
    String id = first.body().get("id").asText();
    assertThat(again.body().get("id").asText()).isEqualTo(id);
    assertThat(again.body().get("createdAt").asText()).isEqualTo(first.body().get("createdAt").asText());
    JsonNode fb = again.body();
    assertThat(fb.get("targetType").asText()).isEqualTo("trace");
    assertThat(fb.get("sessionId").asText()).as("denormalised from the trace").isEqualTo(SESSION);
    assertThat(fb.get("dataType").asText()).isEqualTo("boolean");
    assertThat(fb.get("value").asBoolean()).isTrue();
    assertThat(fb.get("metadata").get("ui").asText()).isEqualTo("web");
    Response span = api.post(A, "/api/v1/feedback", "{\"traceId\":\"" + T1
        + "\",\"spanId\":\"a100000000000004\",\"name\":\"accepted\",\"value\":\"partly\",\"source\":\"reviewer\"}");
    assertThat(span.status()).isEqualTo(201);
    assertThat(span.body().get("targetType").asText()).isEqualTo("span");
    assertThat(span.body().get("value").asText()).isEqualTo("partly");
    Response rating = api.post(A, "/api/v1/feedback", "{\"sessionId\":\"" + SESSION + "\",\"name\":\"rating\",\"value\":4}");
    assertThat(rating.status()).isEqualTo(201);

    JsonNode onTrace = api.get(A, "/api/v1/feedback?traceId=" + T1).body().get("items");
    assertThat(onTrace).hasSize(2);
    JsonNode onSession = api.get(A, "/api/v1/feedback?sessionId=" + SESSION).body().get("items");
    assertThat(onSession).hasSize(3);
    JsonNode summary = api.get(A, "/api/v1/sessions/" + SESSION).body().get("feedback");
    assertThat(summary.get("count").asInt()).isEqualTo(3);
    assertThat(summary.get("thumbsUp").asInt()).isEqualTo(1);
    assertThat(summary.get("thumbsDown").asInt()).isZero();
    assertThat(summary.get("ratingAvg").asDouble()).isEqualTo(4.0);
    // Feedback is stamped "now", the end of the default range: ask past it.
    String range = "from=" + T0 + "&to=" + T0.plusSeconds(7200);
    JsonNode metrics = api.get(A, "/api/v1/metrics/summary?" + range).body();
    assertThat(metrics.get("ratingAvg").asDouble()).isEqualTo(4.0);
    assertThat(metrics.get("thumbsCount").asInt()).isEqualTo(1);
    assertThat(metrics.get("thumbsDownRate").asDouble()).isZero();
    JsonNode byModel = api.get(A, "/api/v1/metrics/timeseries?metric=thumbs_down_rate&groupBy=model&interval=1h&" + range).body();
    assertThat(byModel.get("series").get(0).get("group").asText()).isEqualTo("gpt-4o-mini");

    assertThat(api.delete(A, "/api/v1/feedback/" + id).status()).isEqualTo(204);
    assertThat(api.get(A, "/api/v1/feedback?traceId=" + T1).body().get("items")).hasSize(1);
    assertThat(api.delete(A, "/api/v1/feedback/" + id).status()).isEqualTo(404);
    assertThat(api.get(A, "/api/v1/metrics/summary?" + range).body().get("thumbsCount").asInt()).isZero();
    assertThat(api.delete(A, "/api/v1/feedback/" + span.body().get("id").asText()).status()).isEqualTo(204);
    assertThat(api.delete(A, "/api/v1/feedback/" + rating.body().get("id").asText()).status()).isEqualTo(204);
  }

  @Test
  void openApiDocument_describesRealResponsesExactly() throws Exception {
    Response doc = api.get(null, "/api/openapi.json");
    assertThat(doc.status()).isEqualTo(200);
    JsonNode openApi = doc.body();
    Map<String, String> calls = new java.util.LinkedHashMap<>();
    for (String path : READS) {
      calls.put(path, "200");
    }
    calls.put("/api/v1/traces?limit=2", "200");
    calls.put("/api/v1/traces/" + SupportSession.T3, "200");
    calls.put("/api/v1/sessions/" + SESSION + "?x=1", "400");
    calls.put("/api/v1/traces/9ff7651916cd43dd8448eb211c80319c", "404");
    calls.put("/api/v1/metrics/timeseries?metric=latency_p95&groupBy=tool&type=tool&interval=1h", "200");
    calls.put("/api/v1/metrics/timeseries?metric=rating_avg", "200");
    int checked = 0;
    for (Map.Entry<String, String> c : calls.entrySet()) {
      Response r = api.get(A, c.getKey());
      assertThat(String.valueOf(r.status())).as(c.getKey()).isEqualTo(c.getValue());
      checked += validate(openApi, c.getKey(), "get", c.getValue(), r.raw());
    }
    Response created = api.post(A, "/api/v1/feedback", "{\"traceId\":\"" + T1 + "\",\"name\":\"rating\",\"value\":5}");
    checked += validate(openApi, "/api/v1/feedback", "post", "201", created.raw());
    checked += validate(openApi, "/api/v1/feedback", "get", "200",
        api.get(A, "/api/v1/feedback?traceId=" + T1).raw());
    api.delete(A, "/api/v1/feedback/" + created.body().get("id").asText());
    assertThat(checked).isEqualTo(calls.size() + 2);
    // The check is not vacuous: a response with an undocumented field fails it.
    String tampered = api.get(A, "/api/v1/traces/" + T1).raw().replaceFirst("\\{", "{\"surprise\":1,");
    assertThat(errors(openApi, "/api/v1/traces/{traceId}", "get", "200", tampered)).isNotEmpty();
  }

  static int validate(JsonNode openApi, String url, String method, String status, String body) {
    String template = template(openApi, url.replaceFirst("\\?.*", ""));
    List<Error> errors = errors(openApi, template, method, status, body);
    assertThat(errors).as(method + " " + url + " against " + template + " " + status).isEmpty();
    return 1;
  }

  static List<Error> errors(JsonNode openApi, String template, String method, String status, String body) {
    JsonNode schemaRef = openApi.path("paths").path(template).path(method).path("responses")
        .path(status).path("content").path("application/json").path("schema");
    assertThat(schemaRef.isMissingNode()).as(method + " " + template + " " + status + " documented").isFalse();
    String root = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
        + "\"components\":" + openApi.get("components") + ",\"$ref\":" + schemaRef.get("$ref") + "}";
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(root, InputFormat.JSON);
    return schema.validate(body, InputFormat.JSON);
  }

  /** The documented path template an actual path belongs to. */
  static String template(JsonNode openApi, String path) {
    for (var it = openApi.get("paths").fieldNames(); it.hasNext(); ) {
      String t = it.next();
      if (path.matches(t.replaceAll("\\{[^}]+}", "[^/]+"))) {
        return t;
      }
    }
    throw new AssertionError("undocumented path " + path);
  }
}
