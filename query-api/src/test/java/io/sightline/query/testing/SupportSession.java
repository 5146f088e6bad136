package io.sightline.query.testing;

import static io.sightline.query.testing.Scenario.answer;
import static io.sightline.query.testing.Scenario.userMessages;

import io.sightline.clickhouse.tables.SpanRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A five-turn support-agent session (one trace per turn, session and user ids only on the root
 * agent spans) covering: (1) a tool failure the agent recovers from, (2) an LLM 429 retried, then
 * a tool failure answered only with an apology, (3) a retrieval, a tool loop and a sub-agent,
 * (4) a streaming answer whose content arrived as GenAI log records, slow to first token,
 * (5) a truncated answer, tool arguments that are not JSON, and an orphan span.
 */
public final class SupportSession {
  public static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  public static final String SESSION = "sess-support-1";
  public static final String USER = "user-7";
  public static final String T1 = "0af7651916cd43dd8448eb211c80319c";
  public static final String T2 = "1bf7651916cd43dd8448eb211c80319c";
  public static final String T3 = "2cf7651916cd43dd8448eb211c80319c";
  public static final String T4 = "3df7651916cd43dd8448eb211c80319c";
  public static final String T5 = "4ef7651916cd43dd8448eb211c80319c";
  public static final List<String> TRACES = List.of(T1, T2, T3, T4, T5);

  private SupportSession() {}

  public static Scenario build(String project) {
    Scenario s = new Scenario(project, T0);
    turn1(s);
    turn2(s);
    turn3(s);
    turn4(s);
    turn5(s);
    return s;
  }

  /** Weather: the tool fails, the agent answers well anyway. Trace 4 s long. */
  static void turn1(Scenario s) {
    s.add(s.agent(T1, "a100000000000001", null, 0, 4000, "support").sessionId(SESSION)
        .userId(USER).inputTokens(999).outputTokens(99)
        .inputPreview("What is the weather in Paris?").outputPreview("It is sunny and 21 C in Paris."));
    SpanRow l1 = s.add(s.llm(T1, "a100000000000002", "a100000000000001", 10, 800, 100, 20,
        "0.0001", "tool_calls"));
    s.content(l1, userMessages("What is the weather in Paris?"),
        answer(null, "tool_calls", "call_w1", "get_weather", "{\"city\":\"Paris\"}"), null, null, null);
    SpanRow tool = s.add(s.tool(T1, "a100000000000003", "a100000000000001", 820, 300,
        "get_weather", "call_w1").statusCode("error").errorType("ToolError")
        .errorMessage("upstream weather API returned 500").statusMessage("upstream weather API returned 500"));
    s.content(tool, null, null, "{\"city\":\"Paris\"}", null, null);
    SpanRow l2 = s.add(s.llm(T1, "a100000000000004", "a100000000000001", 1130, 2800, 150, 30,
        "0.00015", "stop"));
    s.content(l2, userMessages("What is the weather in Paris?"),
        answer("It is sunny and 21 C in Paris.", "stop"), null, null, null);
  }

  /** Orders: 429 then retry; the order tool fails; the answer only apologises. */
  static void turn2(Scenario s) {
    long b = 60_000;
    s.add(s.agent(T2, "b200000000000001", null, b, 5000, "support").sessionId(SESSION)
        .userId(USER).inputPreview("Where is my order 48213?"));
    s.add(s.llm(T2, "b200000000000002", "b200000000000001", b + 10, 200, 0, 0, null, null)
        .statusCode("error").errorType("RateLimitError")
        .errorMessage("Error code: 429 - Rate limit reached for gpt-4o-mini")
        .spanAttributes(Map.of("http.response.status_code", "429")));
    SpanRow l = s.add(s.llm(T2, "b200000000000003", "b200000000000001", b + 1300, 900, 400, 25,
        "0.0004", "tool_calls"));
    s.content(l, userMessages("Where is my order 48213?"),
        answer(null, "tool_calls", "call_o1", "get_order_status", "{\"order_id\":\"48213\"}"),
        null, null, null);
    SpanRow tool = s.add(s.tool(T2, "b200000000000004", "b200000000000001", b + 2250, 150,
        "get_order_status", "call_o1").statusCode("error").errorType("LookupError")
        .errorMessage("order service has no record of order 48213"));
    s.content(tool, null, null, "{\"order_id\":\"48213\"}", null, null);
    SpanRow l2 = s.add(s.llm(T2, "b200000000000005", "b200000000000001", b + 2450, 2500, 450, 30,
        "0.0005", "stop"));
    s.content(l2, userMessages("Where is my order 48213?"),
        answer("I'm sorry, the order service has no record of order 48213.", "stop"), null, null, null);
  }

  /** Refunds: retrieval, a tool called three times with the same arguments, a billing sub-agent. */
  static void turn3(Scenario s) {
    long b = 120_000;
    s.add(s.agent(T3, "c300000000000001", null, b, 9000, "support").sessionId(SESSION)
        .userId(USER).inputPreview("How do refunds work?"));
    SpanRow r = s.add(s.span(T3, "c300000000000002", "c300000000000001", b + 10, 90,
        "retrieval kb").obsType("retriever").operationName("retrieval"));
    s.content(r, null, null, null, null,
        "[{\"id\":\"doc-12\",\"score\":0.92,\"content\":\"Refunds take 5 days.\"}]");
    SpanRow l = s.add(s.llm(T3, "c300000000000003", "c300000000000001", b + 110, 600, 900, 15,
        "0.0009", "tool_calls"));
    s.content(l, userMessages("How do refunds work?"), null, null, null, null);
    for (int i = 0; i < 3; i++) {
      SpanRow t = s.add(s.tool(T3, "c30000000000001" + i, "c300000000000001", b + 800 + i * 200L,
          150, "search_policy", null));
      s.content(t, null, null, "{\"q\": \"refund policy\"}", "{\"hits\":0}", null);
    }
    s.add(s.agent(T3, "c300000000000020", "c300000000000001", b + 1500, 3000, "billing"));
    s.add(s.llm(T3, "c300000000000021", "c300000000000020", b + 1510, 1000, 300, 10, "0.0003",
        "tool_calls"));
    s.add(s.tool(T3, "c300000000000022", "c300000000000020", b + 2600, 400, "refund_lookup", null));
    SpanRow fin = s.add(s.llm(T3, "c300000000000030", "c300000000000001", b + 4600, 4300, 1000, 60,
        "0.0012", "stop"));
    s.content(fin, userMessages("How do refunds work?"),
        answer("Refunds are paid back within 5 days.", "stop"), null, null, null);
  }

  /** Summary: one streaming call, 2.5 s to first token, content only in GenAI log records. */
  static void turn4(Scenario s) {
    long b = 180_000;
    s.add(s.agent(T4, "d400000000000001", null, b, 4000, "support").sessionId(SESSION).userId(USER));
    SpanRow l = s.add(s.llm(T4, "d400000000000002", "d400000000000001", b + 5, 3900, 1600, 40,
        "0.0016", "stop").streaming(true).ttftMillis(2500));
    s.log(l, 1, "gen_ai.system.message", "{\"content\":\"You are a helpful support agent.\"}");
    s.log(l, 2, "gen_ai.user.message", "{\"content\":\"Summarize our conversation in one line.\"}");
    s.log(l, 3, "gen_ai.choice", "{\"index\":0,\"finish_reason\":\"stop\",\"message\":"
        + "{\"content\":\"You asked about weather, an order and refunds.\"}}");
  }

  /** Poem: a truncated answer, tool arguments cut off mid-JSON, a span whose parent never came. */
  static void turn5(Scenario s) {
    long b = 240_000;
    s.add(s.agent(T5, "e500000000000001", null, b, 3000, "support").sessionId(SESSION).userId(USER)
        .inputPreview("Write a long poem about parcels."));
    SpanRow l = s.add(s.llm(T5, "e500000000000002", "e500000000000001", b + 10, 2000, 2500, 512,
        "0.003", "length"));
    s.content(l, userMessages("Write a long poem about parcels."),
        answer("Parcels travel far and wide, over hills and", "length",
            "call_p1", "save_poem", "{\"title\": \"Parc"), null, null, null);
    s.add(s.tool(T5, "e500000000000009", "e5000000000000ff", b + 2100, 50, "save_poem", "call_p1"));
  }
}
