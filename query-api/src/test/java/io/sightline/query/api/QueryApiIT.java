package io.sightline.query.api;

import static io.sightline.query.testing.ApiServer.q;
import static io.sightline.query.testing.SupportSession.SESSION;
import static io.sightline.query.testing.SupportSession.T1;
import static io.sightline.query.testing.SupportSession.T2;
import static io.sightline.query.testing.SupportSession.T3;
import static io.sightline.query.testing.SupportSession.T4;
import static io.sightline.query.testing.SupportSession.T5;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sightline.auth.ApiKeys;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.testing.TestStore;
import io.sightline.query.testing.ApiServer;
import io.sightline.query.testing.ApiServer.Response;
import io.sightline.query.testing.Scenario;
import io.sightline.query.testing.SupportSession;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Traces, sessions, graphs and analysis over HTTP on the support session, field by field. */
class QueryApiIT {
  static final String KEY = "key-a";
  static final long[] SPREAD_HOURS = {20, 7, 3, 0};
  static final List<String> SPREAD_TRACES = List.of("aaf7651916cd43dd8448eb211c80319c",
      "abf7651916cd43dd8448eb211c80319c", "acf7651916cd43dd8448eb211c80319c",
      "adf7651916cd43dd8448eb211c80319c");
  static final String STRADDLING = "aef7651916cd43dd8448eb211c80319c";
  static final String RESENT = "aff7651916cd43dd8448eb211c80319c";
  static final String USER_ON_ROOT = "b0f7651916cd43dd8448eb211c80319c";
  static ClickHouseGateway gateway;
  static ApiServer api;

  @BeforeAll
  static void start() {
    gateway = TestStore.migratedDatabase("query_api");
    SupportSession.build("default").insert(gateway);
    Scenario spread = new Scenario("slices", SupportSession.T0);
    for (int i = 0; i < SPREAD_HOURS.length; i++) {
      spread.add(spread.agent(SPREAD_TRACES.get(i), "000000000000000" + (i + 1), null,
          -SPREAD_HOURS[i] * 3_600_000L, 1000, "a").sessionId("s-" + i).userId("u-" + (i % 2)));
      spread.add(spread.llm(SPREAD_TRACES.get(i), "00000000000000a" + (i + 1),
          "000000000000000" + (i + 1), -SPREAD_HOURS[i] * 3_600_000L, 500, 10, 10,
          "0.00" + (4 - i), "stop"));
    }
    spread.insert(gateway);
    // One trace written in two insert blocks: its root (08:50) and, later, a child (09:45).
    Scenario early = new Scenario("straddle", SupportSession.T0);
    early.add(early.agent(STRADDLING, "0000000000000001", null, -70 * 60_000L, 7_200_000L, "a"));
    early.insert(gateway);
    Scenario late = new Scenario("straddle", SupportSession.T0);
    late.add(late.llm(STRADDLING, "0000000000000002", "0000000000000001", -15 * 60_000L, 1000, 10, 10,
        "0.001", "stop"));
    late.insert(gateway);
    // A span stored twice (a re-sent export the ingest check missed): the newer copy wins.
    for (String preview : List.of("first copy", "second copy")) {
      Scenario copy = new Scenario("dupes", SupportSession.T0);
      copy.add(copy.agent(RESENT, "0000000000000001", null, 0, 1000, "a")
          .outputPreview(preview).ingestedAt(SupportSession.T0.plusSeconds(preview.startsWith("first") ? 10 : 20)));
      copy.insert(gateway);
    }
    // The user id only on the root, the session id only on the LLM call below it.
    Scenario users = new Scenario("users", SupportSession.T0);
    users.add(users.agent(USER_ON_ROOT, "0000000000000001", null, 0, 1000, "a").userId("zed"));
    users.add(users.llm(USER_ON_ROOT, "0000000000000002", "0000000000000001", 10, 500, 10, 10, "0.001", "stop")
        .sessionId("s-zed"));
    users.insert(gateway);
    api = new ApiServer(gateway,
        ApiKeys.parse("key-a=default,key-b=beta,key-s=slices,key-t=straddle,key-d=dupes,key-u=users"),
        SupportSession.T0.plusSeconds(3600));
  }

  @AfterAll
  static void stop() {
    api.close();
    gateway.close();
  }

  static JsonNode ok(String path) {
    Response r = api.get(KEY, path);
    assertThat(r.status()).as(path + " -> " + r.raw()).isEqualTo(200);
    return r.body();
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).isNull() ? null : n.path(field).asText()));
    return out;
  }

  @Test
  void traceDetail_truncatedTurn_hasTreeRollupsContentAndOrphan() {
    JsonNode t = ok("/api/v1/traces/" + T5);
    assertThat(t.get("traceId").asText()).isEqualTo(T5);
    assertThat(t.get("rootSpanId").asText()).isEqualTo("e500000000000001");
    assertThat(t.get("name").asText()).isEqualTo("invoke_agent support");
    assertThat(t.get("sessionId").asText()).isEqualTo(SESSION);
    assertThat(t.get("userId").asText()).isEqualTo("user-7");
    assertThat(t.get("spanCount").asInt()).isEqualTo(3);
    assertThat(t.get("orphanCount").asInt()).isEqualTo(1);
    assertThat(t.get("usage").get("inputTokens").asLong()).as("agent roll-up not summed").isEqualTo(2500);
    assertThat(t.get("usage").get("outputTokens").asLong()).isEqualTo(512);
    assertThat(t.get("costUsd").decimalValue()).isEqualByComparingTo("0.003");
    JsonNode spans = t.get("spans");
    assertThat(texts(spans, "spanId")).containsExactly("e500000000000001", "e500000000000009");
    assertThat(spans.get(0).get("orphan").asBoolean()).isFalse();
    JsonNode orphan = spans.get(1);
    assertThat(orphan.get("orphan").asBoolean()).isTrue();
    assertThat(orphan.get("parentSpanId").asText()).isEqualTo("e5000000000000ff");
    assertThat(orphan.get("toolName").asText()).isEqualTo("save_poem");
    JsonNode llm = spans.get(0).get("children").get(0);
    assertThat(llm.get("type").asText()).isEqualTo("llm");
    assertThat(llm.get("provider").asText()).isEqualTo("openai");
    assertThat(llm.get("requestModel").asText()).isEqualTo("gpt-4o-mini");
    assertThat(llm.get("responseModel").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(texts(llm.get("finishReasons"), "x")).hasSize(1);
    assertThat(llm.get("finishReasons").get(0).asText()).isEqualTo("length");
    assertThat(llm.get("durationMs").asDouble()).isEqualTo(2000.0);
    assertThat(llm.get("content").get("inputMessages").get(0).get("parts").get(0).get("content").asText())
        .isEqualTo("Write a long poem about parcels.");
    assertThat(llm.get("content").get("outputMessages").get(0).get("finish_reason").asText()).isEqualTo("length");
    JsonNode rootSubtree = spans.get(0).get("subtree");
    assertThat(rootSubtree.get("spanCount").asInt()).isEqualTo(2);
    assertThat(rootSubtree.get("usage").get("inputTokens").asLong()).isEqualTo(2500);
    assertThat(rootSubtree.get("costUsd").decimalValue()).isEqualByComparingTo("0.003");
    assertThat(spans.get(0).get("usageIsRollup").asBoolean()).isTrue();
  }

  @Test
  void traceDetail_rateLimitedTurn_countsErrorsAndKeepsAttributes() {
    JsonNode t = ok("/api/v1/traces/" + T2);
    assertThat(t.get("status").asText()).isEqualTo("error");
    assertThat(t.get("errorCount").asInt()).isEqualTo(2);
    JsonNode root = t.get("spans").get(0);
    assertThat(root.get("subtree").get("errorCount").asInt()).isEqualTo(2);
    JsonNode limited = root.get("children").get(0);
    assertThat(limited.get("errorType").asText()).isEqualTo("RateLimitError");
    assertThat(limited.get("attributes").get("http.response.status_code").asText()).isEqualTo("429");
    assertThat(limited.get("costUsd").isNull()).as("unknown price stays null").isTrue();
    assertThat(root.get("subtree").get("unpricedCalls").asInt()).isEqualTo(1);
  }

  @Test
  void traceDetail_streamingTurn_foldsLogRecordsIntoContent() {
    JsonNode llm = ok("/api/v1/traces/" + T4).get("spans").get(0).get("children").get(0);
    assertThat(llm.get("streaming").asBoolean()).isTrue();
    assertThat(llm.get("ttftMs").asLong()).isEqualTo(2500);
    JsonNode c = llm.get("content");
    assertThat(c.get("systemInstructions").get(0).get("content").asText())
        .isEqualTo("You are a helpful support agent.");
    assertThat(c.get("inputMessages").get(0).get("role").asText()).isEqualTo("user");
    assertThat(c.get("inputMessages").get(0).get("parts").get(0).get("content").asText())
        .isEqualTo("Summarize our conversation in one line.");
    assertThat(c.get("outputMessages").get(0).get("finish_reason").asText()).isEqualTo("stop");
    assertThat(c.get("outputMessages").get(0).get("parts").get(0).get("content").asText())
        .isEqualTo("You asked about weather, an order and refunds.");
  }

  @Test
  void traceList_defaultPage_listsAllTurnsNewestFirstWithSummaries() {
    JsonNode page = ok("/api/v1/traces");
    assertThat(texts(page.get("items"), "traceId")).containsExactly(T5, T4, T3, T2, T1);
    JsonNode t1 = page.get("items").get(4);
    assertThat(t1.get("name").asText()).isEqualTo("invoke_agent support");
    assertThat(t1.get("sessionId").asText()).isEqualTo(SESSION);
    assertThat(t1.get("userId").asText()).isEqualTo("user-7");
    assertThat(t1.get("service").asText()).isEqualTo("support-bot");
    assertThat(t1.get("durationMs").asDouble()).isEqualTo(4000.0);
    assertThat(t1.get("status").asText()).isEqualTo("error");
    assertThat(t1.get("inputTokens").asLong()).isEqualTo(250);
    assertThat(t1.get("outputTokens").asLong()).isEqualTo(50);
    assertThat(t1.get("costUsd").decimalValue()).isEqualByComparingTo("0.00025");
    assertThat(texts(t1.get("models"), "x")).hasSize(1);
    assertThat(t1.get("inputPreview").asText()).isEqualTo("What is the weather in Paris?");
    assertThat(t1.get("outputPreview").asText()).isEqualTo("It is sunny and 21 C in Paris.");
    assertThat(page.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void traceList_aTraceIsListedInTheWindowItStarted_withAllItsBlocks() {
    JsonNode later = api.get("key-t", "/api/v1/traces?from=2026-11-27T09:00:00Z&to=2026-11-27T10:00:00Z").body();
    assertThat(texts(later.get("items"), "traceId")).isEmpty();

    JsonNode started = api.get("key-t", "/api/v1/traces?from=2026-11-27T08:00:00Z&to=2026-11-27T09:00:00Z").body();
    assertThat(texts(started.get("items"), "traceId")).containsExactly(STRADDLING);
    assertThat(started.get("items").get(0).get("spanCount").asInt()).isEqualTo(2);
  }

  @Test
  void traceDetail_aSpanStoredTwice_appearsOnceAsItsNewestCopy() {
    JsonNode t = api.get("key-d", "/api/v1/traces/" + RESENT).body();
    assertThat(t.get("spans")).hasSize(1);
    assertThat(t.get("spans").get(0).get("children")).isEmpty();
    assertThat(t.get("spans").get(0).get("outputPreview").asText()).isEqualTo("second copy");
  }

  @Test
  void sessionList_userFilter_findsTheUserOnAnySpanOfTheSessionsTraces() {
    for (String sort : List.of("", "&sort=cost")) {
      JsonNode page = api.get("key-u", "/api/v1/sessions?userId=zed" + sort).body();
      assertThat(texts(page.get("items"), "sessionId")).as(sort).containsExactly("s-zed");
    }
  }

  @Test
  void traceList_filters_selectTheMatchingTraces() {
    assertThat(ids("tool=get_weather")).containsExactly(T1);
    assertThat(ids("status=ok")).containsExactly(T5, T4, T3);
    assertThat(ids("status=error")).containsExactly(T2, T1);
    assertThat(ids("minDurationMs=4500")).containsExactly(T3, T2);
    assertThat(ids("minCostUsd=0.002")).containsExactly(T5, T3);
    assertThat(ids("agent=billing")).containsExactly(T3);
    assertThat(ids("sessionId=" + SESSION)).hasSize(5);
    assertThat(ids("userId=user-7&model=gpt-4o-mini&provider=openai&service=support-bot"
        + "&serviceVersion=1.4.2&environment=prod")).hasSize(5);
    assertThat(ids("userId=nobody")).isEmpty();
    assertThat(ids("attr.http.response.status_code=429")).containsExactly(T2);
    assertThat(ids("q=" + q("REFUNDS take"))).as("searches span content").containsExactly(T3);
    assertThat(ids("q=" + q("in one line"))).as("searches log records").containsExactly(T4);
    assertThat(ids("q=" + q("Paris?"))).as("searches previews").containsExactly(T1);
  }

  static List<String> ids(String query) {
    return texts(ok("/api/v1/traces?" + query).get("items"), "traceId");
  }

  @Test
  void traceList_cursor_pagesThroughEverySortWithoutGapsOrRepeats() {
    for (String sort : List.of("start", "duration", "cost", "tokens")) {
      for (String order : List.of("desc", "asc")) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
          JsonNode page = ok("/api/v1/traces?limit=2&sort=" + sort + "&order=" + order
              + (cursor == null ? "" : "&cursor=" + cursor));
          seen.addAll(texts(page.get("items"), "traceId"));
          cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).as(sort + " " + order).hasSize(5)
            .containsExactlyInAnyOrder(T1, T2, T3, T4, T5);
      }
    }
    assertThat(ids("sort=duration&order=desc")).startsWith(T3, T2);
    assertThat(ids("sort=cost&order=asc")).startsWith(T1);
  }

  @Test
  void traceList_byStart_pagesAcrossHourSlicesInBothDirections() {
    for (String order : List.of("desc", "asc")) {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      do {
        Response r = api.get("key-s", "/api/v1/traces?limit=1&order=" + order
            + (cursor == null ? "" : "&cursor=" + cursor));
        assertThat(r.status()).isEqualTo(200);
        seen.addAll(texts(r.body().get("items"), "traceId"));
        cursor = r.body().get("nextCursor").isNull() ? null : r.body().get("nextCursor").asText();
      } while (cursor != null);
      List<String> newestFirst = List.of(SPREAD_TRACES.get(3), SPREAD_TRACES.get(2),
          SPREAD_TRACES.get(1), SPREAD_TRACES.get(0));
      assertThat(seen).as(order).containsExactlyElementsOf(order.equals("desc") ? newestFirst
          : newestFirst.reversed());
    }
    assertThat(texts(api.get("key-s", "/api/v1/traces?limit=3").body().get("items"), "traceId"))
        .containsExactly(SPREAD_TRACES.get(3), SPREAD_TRACES.get(2), SPREAD_TRACES.get(1));
  }

  @Test
  void sessionList_pagesWithCursorsWhetherPickedByMembershipOrByTotals() {
    List<String> byTime = List.of("s-3", "s-2", "s-1", "s-0");
    assertThat(sessionPages("sort=lastSeen")).containsExactlyElementsOf(byTime);
    assertThat(sessionPages("sort=lastSeen&order=asc")).containsExactlyElementsOf(byTime.reversed());
    assertThat(sessionPages("sort=traces")).containsExactlyInAnyOrderElementsOf(byTime);
    assertThat(sessionPages("sort=cost")).as("s-0 cost most").containsExactly("s-0", "s-1", "s-2", "s-3");
    assertThat(sessionPages("sort=lastSeen&agent=a")).containsExactlyElementsOf(byTime);
    assertThat(sessionPages("userId=u-1")).containsExactly("s-3", "s-1");
    assertThat(sessionPages("userId=u-1&model=gpt-4o-mini")).containsExactly("s-3", "s-1");
  }

  static List<String> sessionPages(String query) {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      Response r = api.get("key-s", "/api/v1/sessions?limit=1&" + query
          + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(r.status()).as(r.raw()).isEqualTo(200);
      JsonNode item = r.body().get("items").get(0);
      if (item != null) {
        seen.add(item.get("sessionId").asText());
        assertThat(item.get("turnCount").asInt()).isEqualTo(1);
        assertThat(item.get("traceCount").asInt()).isEqualTo(1);
      }
      cursor = r.body().get("nextCursor").isNull() ? null : r.body().get("nextCursor").asText();
    } while (cursor != null);
    return seen;
  }

  @Test
  void sessionDetail_rebuildsTurnsAndStepsInOrder() {
    JsonNode s = ok("/api/v1/sessions/" + SESSION);
    assertThat(s.get("sessionId").asText()).isEqualTo(SESSION);
    assertThat(s.get("userId").asText()).isEqualTo("user-7");
    assertThat(s.get("traceCount").asInt()).isEqualTo(5);
    assertThat(s.get("turnCount").asInt()).isEqualTo(5);
    assertThat(texts(s.get("traces"), "traceId")).containsExactly(T1, T2, T3, T4, T5);
    JsonNode turns = s.get("turns");
    assertThat(texts(turns, "traceId")).containsExactly(T1, T2, T3, T4, T5);

    JsonNode t1 = turns.get(0);
    assertThat(t1.get("index").asInt()).isEqualTo(1);
    assertThat(t1.get("input").asText()).isEqualTo("What is the weather in Paris?");
    assertThat(t1.get("output").asText()).isEqualTo("It is sunny and 21 C in Paris.");
    assertThat(t1.get("latencyMs").asDouble()).isEqualTo(4000.0);
    assertThat(t1.get("usage").get("inputTokens").asLong()).isEqualTo(250);
    assertThat(t1.get("costUsd").decimalValue()).isEqualByComparingTo("0.00025");
    assertThat(texts(t1.get("steps"), "kind")).containsExactly("llm", "tool", "llm");
    JsonNode firstLlm = t1.get("steps").get(0);
    assertThat(firstLlm.get("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(firstLlm.get("provider").asText()).isEqualTo("openai");
    assertThat(firstLlm.get("usage").get("outputTokens").asLong()).isEqualTo(20);
    assertThat(firstLlm.get("finishReasons").get(0).asText()).isEqualTo("tool_calls");
    assertThat(firstLlm.get("toolCalls").get(0).get("id").asText()).isEqualTo("call_w1");
    JsonNode weather = t1.get("steps").get(1);
    assertThat(weather.get("toolName").asText()).isEqualTo("get_weather");
    assertThat(weather.get("toolCallId").asText()).isEqualTo("call_w1");
    assertThat(weather.get("arguments").get("city").asText()).isEqualTo("Paris");
    assertThat(weather.get("status").asText()).isEqualTo("error");
    assertThat(weather.get("errorMessage").asText()).isEqualTo("upstream weather API returned 500");
    assertThat(weather.get("latencyMs").asDouble()).isEqualTo(300.0);
    assertThat(weather.get("requestedBy").get("spanId").asText()).isEqualTo("a100000000000002");
    assertThat(weather.get("requestedBy").get("linkedBy").asText()).isEqualTo("tool_call_id");

    JsonNode t2 = turns.get(1);
    assertThat(texts(t2.get("steps"), "kind")).containsExactly("llm", "llm", "tool", "llm");
    assertThat(t2.get("steps").get(0).get("errorType").asText()).isEqualTo("RateLimitError");
    assertThat(t2.get("output").asText()).startsWith("I'm sorry");
    assertThat(t2.get("errorCount").asInt()).isEqualTo(2);

    JsonNode t3 = turns.get(2);
    assertThat(texts(t3.get("steps"), "kind"))
        .containsExactly("retrieval", "llm", "tool", "tool", "tool", "agent", "llm");
    assertThat(t3.get("steps").get(0).get("documents").get(0).get("id").asText()).isEqualTo("doc-12");
    JsonNode loopTool = t3.get("steps").get(3);
    assertThat(loopTool.get("requestedBy").get("spanId").asText()).isEqualTo("c300000000000003");
    assertThat(loopTool.get("requestedBy").get("linkedBy").asText()).isEqualTo("order");
    assertThat(loopTool.get("result").get("hits").asInt()).isZero();
    JsonNode billing = t3.get("steps").get(5);
    assertThat(billing.get("agentName").asText()).isEqualTo("billing");
    assertThat(texts(billing.get("steps"), "kind")).containsExactly("llm", "tool");
    assertThat(billing.get("steps").get(1).get("requestedBy").get("spanId").asText())
        .isEqualTo("c300000000000021");

    JsonNode t4 = turns.get(3);
    assertThat(t4.get("input").asText()).isEqualTo("Summarize our conversation in one line.");
    assertThat(t4.get("output").asText()).isEqualTo("You asked about weather, an order and refunds.");
    JsonNode stream = t4.get("steps").get(0);
    assertThat(stream.get("streaming").asBoolean()).isTrue();
    assertThat(stream.get("ttftMs").asLong()).isEqualTo(2500);

    JsonNode t5 = turns.get(4);
    assertThat(texts(t5.get("steps"), "kind")).as("orphan tool joins its turn").containsExactly("llm", "tool");
    assertThat(t5.get("steps").get(1).get("requestedBy").get("linkedBy").asText()).isEqualTo("tool_call_id");
    assertThat(s.get("usage").get("inputTokens").asLong()).isEqualTo(100 + 150 + 400 + 450 + 900 + 300 + 1000 + 1600 + 2500);
    assertThat(s.get("costUsd").decimalValue()).isEqualByComparingTo("0.00815");
    assertThat(s.get("unpricedCalls").asInt()).isEqualTo(1);
  }

  @Test
  void graphs_countCallsErrorsAndLatencyPerEdge() {
    JsonNode g = ok("/api/v1/sessions/" + SESSION + "/graph");
    JsonNode weather = edge(g, "agent:support", "tool:get_weather");
    assertThat(weather.get("calls").asInt()).isEqualTo(1);
    assertThat(weather.get("errors").asInt()).isEqualTo(1);
    assertThat(weather.get("avgMs").asDouble()).isEqualTo(300.0);
    JsonNode model = edge(g, "agent:support", "model:gpt-4o-mini");
    assertThat(model.get("calls").asInt()).isEqualTo(9);
    assertThat(model.get("errors").asInt()).isEqualTo(1);
    assertThat(edge(g, "agent:support", "agent:billing").get("calls").asInt()).isEqualTo(1);
    assertThat(edge(g, "agent:billing", "tool:refund_lookup").get("calls").asInt()).isEqualTo(1);
    assertThat(edge(g, "agent:support", "tool:search_policy").get("calls").asInt()).isEqualTo(3);
    assertThat(edge(g, "entry", "agent:support").get("calls").asInt()).isEqualTo(5);
    JsonNode node = StreamSupport.stream(g.get("nodes").spliterator(), false)
        .filter(n -> n.get("id").asText().equals("model:gpt-4o-mini")).findFirst().orElseThrow();
    assertThat(node.get("type").asText()).isEqualTo("model");
    assertThat(node.get("calls").asInt()).as("support and billing").isEqualTo(10);
    JsonNode tg = ok("/api/v1/traces/" + T1 + "/graph");
    assertThat(edge(tg, "agent:support", "model:gpt-4o-mini").get("calls").asInt()).isEqualTo(2);
  }

  static JsonNode edge(JsonNode g, String from, String to) {
    return StreamSupport.stream(g.get("edges").spliterator(), false)
        .filter(e -> e.get("source").asText().equals(from) && e.get("target").asText().equals(to))
        .findFirst().orElseThrow(() -> new AssertionError("no edge " + from + " -> " + to + " in " + g));
  }

  @Test
  void sessionAnalysis_findsRootCauseRecoveryRetriesLoopsAndBadOutputs() {
    JsonNode a = ok("/api/v1/sessions/" + SESSION + "/analysis");
    assertThat(a.get("sessionId").asText()).isEqualTo(SESSION);
    assertThat(a.get("turnCount").asInt()).isEqualTo(5);
    JsonNode root = finding(a, "root_cause", 2);
    assertThat(root.get("severity").asText()).isEqualTo("critical");
    assertThat(root.get("spanIds").get(0).asText()).isEqualTo("b200000000000004");
    assertThat(root.get("evidence").get("errorMessage").asText())
        .isEqualTo("order service has no record of order 48213");
    assertThat(root.get("evidence").get("outcome").asText()).isEqualTo("the final answer only apologises");
    assertThat(root.get("message").asText()).contains("get_order_status");
    JsonNode recovered = finding(a, "recovered_error", 1);
    assertThat(recovered.get("spanIds").get(0).asText()).isEqualTo("a100000000000003");
    JsonNode retried = finding(a, "recovered_error", 2);
    assertThat(retried.get("spanIds")).extracting(JsonNode::asText)
        .containsExactly("b200000000000002", "b200000000000003");
    assertThat(finding(a, "rate_limited", 2).get("spanIds").get(0).asText()).isEqualTo("b200000000000002");
    assertThat(finding(a, "llm_retry", 2).get("evidence").get("retries").asInt()).isEqualTo(1);
    JsonNode loop = finding(a, "tool_loop", 3);
    assertThat(loop.get("evidence").get("calls").asInt()).isEqualTo(3);
    assertThat(loop.get("evidence").get("tool").asText()).isEqualTo("search_policy");
    assertThat(finding(a, "slow_ttft", 4).get("evidence").get("ttftMs").asInt()).isEqualTo(2500);
    assertThat(finding(a, "truncated_output", 5).get("spanIds").get(0).asText()).isEqualTo("e500000000000002");
    assertThat(finding(a, "invalid_tool_arguments", 5).get("evidence").get("tool").asText()).isEqualTo("save_poem");
    JsonNode growth = StreamSupport.stream(a.get("findings").spliterator(), false)
        .filter(f -> f.get("type").asText().equals("context_growth")).findFirst().orElseThrow();
    assertThat(growth.get("evidence").get("firstInputTokens").asInt()).isEqualTo(100);
    assertThat(growth.get("evidence").get("lastInputTokens").asInt()).isEqualTo(2500);
    JsonNode latency = finding(a, "latency_critical_path", 1);
    assertThat(latency.get("evidence").get("dominantSpanId").asText()).isEqualTo("a100000000000004");
    assertThat(latency.get("evidence").get("dominantShare").asDouble()).isEqualTo(0.7);
    assertThat(latency.get("severity").asText()).isEqualTo("warning");
    assertThat(StreamSupport.stream(a.get("findings").spliterator(), false)
        .filter(f -> f.get("type").asText().equals("root_cause")).count())
        .as("only turn 2 failed unrecovered").isEqualTo(1);
    assertThat(a.get("findings").get(0).get("severity").asText()).isEqualTo("critical");
  }

  static JsonNode finding(JsonNode analysis, String type, int turn) {
    return StreamSupport.stream(analysis.get("findings").spliterator(), false)
        .filter(f -> f.get("type").asText().equals(type) && f.get("turn").asInt() == turn)
        .findFirst().orElseThrow(() -> new AssertionError("no " + type + " in turn " + turn
            + ": " + analysis.get("findings")));
  }

  @Test
  void traceAnalysis_coversOneTrace() {
    JsonNode a = ok("/api/v1/traces/" + T2 + "/analysis");
    assertThat(a.get("traceId").asText()).isEqualTo(T2);
    assertThat(a.get("turnCount").asInt()).isEqualTo(1);
    assertThat(finding(a, "root_cause", 1).get("spanIds").get(0).asText()).isEqualTo("b200000000000004");
  }

  @Test
  void sessionList_summarisesTurnsTracesTokensAndCost() {
    JsonNode page = ok("/api/v1/sessions");
    assertThat(texts(page.get("items"), "sessionId")).containsExactly(SESSION);
    JsonNode s = page.get("items").get(0);
    assertThat(s.get("userId").asText()).isEqualTo("user-7");
    assertThat(s.get("traceCount").asInt()).isEqualTo(5);
    assertThat(s.get("turnCount").asInt()).isEqualTo(5);
    assertThat(s.get("errorCount").asInt()).isEqualTo(3);
    assertThat(s.get("inputTokens").asLong()).isEqualTo(7400);
    assertThat(s.get("costUsd").decimalValue()).isEqualByComparingTo("0.00815");
    assertThat(s.get("firstSeen").asText()).isEqualTo("2026-11-27T10:00:00Z");
    assertThat(s.get("lastSeen").asText()).isEqualTo("2026-11-27T10:04:03Z");
    assertThat(s.get("feedback").get("count").asInt()).isZero();
    assertThat(texts(ok("/api/v1/sessions?userId=user-7&tool=search_policy").get("items"), "sessionId"))
        .containsExactly(SESSION);
    assertThat(ok("/api/v1/sessions?userId=someone-else").get("items")).isEmpty();
  }

  @Test
  void metrics_summaryAndTimeseriesAndFacets_fromTheRollup() {
    JsonNode m = ok("/api/v1/metrics/summary");
    assertThat(m.get("source").asText()).isEqualTo("rollup");
    assertThat(m.get("requests").asInt()).isEqualTo(10);
    assertThat(m.get("errors").asInt()).isEqualTo(1);
    assertThat(m.get("errorRate").asDouble()).isCloseTo(1 / 10.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(m.get("inputTokens").asLong()).isEqualTo(7400);
    assertThat(m.get("costUsd").decimalValue()).isEqualByComparingTo("0.00815");
    assertThat(m.get("unknownPriceShare").asDouble()).isCloseTo(1 / 10.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(m.get("ttftMs").get("p50").asDouble()).isEqualTo(2500.0);
    assertThat(m.get("latencyMs").get("p50").asDouble()).isBetween(200.0, 4300.0);
    JsonNode byUser = ok("/api/v1/metrics/summary?userId=user-7");
    assertThat(byUser.get("source").asText()).isEqualTo("spans");
    assertThat(byUser.get("requests").asInt()).as("user only on root spans").isEqualTo(10);
    JsonNode tools = ok("/api/v1/metrics/summary?type=tool");
    assertThat(tools.get("requests").asInt()).isEqualTo(7);
    assertThat(tools.get("errors").asInt()).isEqualTo(2);

    JsonNode ts = ok("/api/v1/metrics/timeseries?metric=requests&interval=1m&from=2026-11-27T10:00:00Z&to=2026-11-27T10:05:00Z");
    assertThat(ts.get("series")).hasSize(1);
    assertThat(ts.get("series").get(0).get("points")).extracting(p -> p.get("value").asInt())
        .containsExactly(2, 3, 3, 1, 1);
    JsonNode byTool = ok("/api/v1/metrics/timeseries?metric=error_rate&groupBy=tool&type=tool&interval=1h");
    assertThat(texts(byTool.get("series"), "group")).containsExactly("search_policy", "get_order_status", "get_weather", "refund_lookup", "save_poem");
    JsonNode byUserSeries = ok("/api/v1/metrics/timeseries?metric=tokens_input&groupBy=user&interval=1d");
    assertThat(byUserSeries.get("series").get(0).get("group").asText()).isEqualTo("user-7");
    assertThat(byUserSeries.get("series").get(0).get("total").asDouble()).isEqualTo(7400.0);

    assertThat(texts(ok("/api/v1/models").get("items"), "name")).containsExactly("gpt-4o-mini");
    assertThat(texts(ok("/api/v1/services").get("items"), "name")).containsExactly("support-bot");
    assertThat(texts(ok("/api/v1/agents").get("items"), "name")).containsExactly("support", "billing");
    assertThat(texts(ok("/api/v1/tools").get("items"), "name")).first().isEqualTo("search_policy");
    assertThat(texts(ok("/api/v1/users").get("items"), "name")).containsExactly("user-7");
  }
}
