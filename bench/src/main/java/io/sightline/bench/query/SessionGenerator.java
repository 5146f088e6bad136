package io.sightline.bench.query;

import io.sightline.clickhouse.tables.SpanContentRow;
import io.sightline.clickhouse.tables.SpanRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Multi-step agent sessions for the query benchmark: each session is {@value #TURNS} turns (one
 * trace each) of {@value #SPANS_PER_TRACE} spans — agent root (session and user only there, as
 * many SDKs send them), retrieval, three LLM calls, three tool calls — so a session is about 200
 * spans. LLM spans carry content; 2 % of tool calls fail, 0.5 % of LLM calls hit a 429.
 * Deterministic for a seed.
 */
final class SessionGenerator {
  static final int TURNS = 25;
  static final int SPANS_PER_TRACE = 8;
  static final String[] SERVICES = {"support-bot", "billing-agent", "search-api", "router", "planner"};
  static final String[] MODELS = {"gpt-4o-mini", "gpt-4o", "claude-sonnet-4-5", "gemini-2.5-flash"};
  static final String[] PROVIDERS = {"openai", "openai", "anthropic", "gcp.gemini"};
  static final String[] TOOLS = {"get_order_status", "get_weather", "search_policy", "refund", "lookup_user", "send_email"};
  static final String[] AGENTS = {"support", "billing", "planner"};
  private static final String[] WORDS = ("order delivery refund policy weather shipping warehouse "
      + "customer package tracking invoice payment address delay support question answer please "
      + "status estimate arrival carrier express standard return window days").split(" ");

  private final SplittableRandom random;
  private final HexFormat hex = HexFormat.of();
  private final Instant ingested = Instant.parse("2026-11-27T00:00:00Z");

  SessionGenerator(long seed) {
    random = new SplittableRandom(seed);
  }

  /** One session starting at {@code start}; rows go to the consumers. Returns its trace ids. */
  List<String> session(String sessionId, Instant start, Consumer<SpanRow> spans,
      Consumer<SpanContentRow> content) {
    int service = random.nextInt(SERVICES.length);
    String user = "user-" + random.nextInt(5000);
    String agent = AGENTS[service % AGENTS.length];
    String[] traces = new String[TURNS];
    Instant at = start;
    for (int turn = 0; turn < TURNS; turn++) {
      String trace = hex(16);
      traces[turn] = trace;
      String root = hex(8);
      long t = 0;
      long[] durations = new long[SPANS_PER_TRACE - 1];
      for (int i = 0; i < durations.length; i++) {
        durations[i] = 20 + random.nextInt(i % 2 == 0 ? 2500 : 400);
      }
      long total = 10;
      for (long d : durations) {
        total += d + 5;
      }
      spans.accept(base(trace, root, "", at, total, "invoke_agent " + agent, service)
          .obsType("agent").operationName("invoke_agent").agentName(agent).sessionId(sessionId)
          .userId(user).usageIsRollup(true).inputPreview(words(20)).outputPreview(words(30)).build());
      t = 5;
      int model = random.nextInt(MODELS.length);
      for (int i = 0; i < durations.length; i++) {
        Instant s = at.plusMillis(t);
        String id = hex(8);
        if (i == 0) {
          spans.accept(base(trace, id, root, s, durations[i], "retrieval kb", service)
              .obsType("retriever").operationName("retrieval").build());
        } else if (i % 2 == 1) {
          boolean limited = random.nextInt(200) == 0;
          long in = 300 + turn * 120L + random.nextInt(800);
          long out = limited ? 0 : 20 + random.nextInt(400);
          SpanRow r = base(trace, id, root, s, durations[i], "chat " + MODELS[model], service)
              .obsType("llm").operationName("chat").provider(PROVIDERS[model])
              .requestModel(MODELS[model]).responseModel(MODELS[model] + "-2026-01-01")
              .spanKind("client").inputTokens(in).outputTokens(out).totalTokens(in + out)
              .cacheReadTokens(random.nextInt((int) in / 2 + 1)).streaming(i == 5)
              .ttftMillis(i == 5 ? 150 + random.nextInt(1500) : 0)
              .finishReasons(List.of(i == 5 ? "stop" : "tool_calls"))
              .costUsd(BigDecimal.valueOf(in * 150 + out * 600, 9)).costSource("computed")
              .statusCode(limited ? "error" : "ok").errorType(limited ? "RateLimitError" : "")
              .errorMessage(limited ? "429 rate limit reached" : "")
              .inputPreview(words(25)).outputPreview(words(25)).build();
          spans.accept(r);
          String prompt = words(60);
          String answer = words(30);
          content.accept(new SpanContentRow("default", 30, trace, id, s, ingested, "",
              "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + prompt + "\"}]}]",
              "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + answer
                  + "\"}],\"finish_reason\":\"stop\"}]", "", "", "", "", "", "", List.of(),
              prompt.length() + answer.length(), 0));
        } else {
          String tool = TOOLS[random.nextInt(TOOLS.length)];
          boolean failed = random.nextInt(50) == 0;
          spans.accept(base(trace, id, root, s, durations[i], "execute_tool " + tool, service)
              .obsType("tool").operationName("execute_tool").toolName(tool)
              .toolCallId("call_" + hex(6)).statusCode(failed ? "error" : "ok")
              .errorType(failed ? "ToolError" : "").errorMessage(failed ? "upstream failed" : "")
              .inputPreview("{\"q\":\"" + words(3) + "\"}").outputPreview(words(10)).build());
        }
        t += durations[i] + 5;
      }
      at = at.plusMillis(total + 20_000 + random.nextInt(60_000));
    }
    return List.of(traces);
  }

  private SpanRow.Builder base(String trace, String id, String parent, Instant start, long ms,
      String name, int service) {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("http.response.status_code", "200");
    attrs.put("server.address", "api.example.com");
    attrs.put("thread.name", "exec-" + random.nextInt(64));
    attrs.put("app.tenant", "tenant-" + random.nextInt(50));
    attrs.put("app.region", "eu-west-" + (1 + random.nextInt(3)));
    attrs.put("app.channel", random.nextBoolean() ? "web" : "mobile");
    attrs.put("app.request_id", hex(6));
    attrs.put("code.namespace", "com.example.agent.Service");
    return SpanRow.builder().projectId("default").traceId(trace).spanId(id).parentSpanId(parent)
        .startTime(start).durationNanos(ms * 1_000_000L).ingestedAt(ingested)
        .serviceName(SERVICES[service]).serviceVersion("1." + service + ".0")
        .environment(service == 4 ? "staging" : "production").scopeName("bench").spanName(name)
        .statusCode("ok").spanAttributes(attrs)
        .resourceAttributes(Map.of("service.name", SERVICES[service], "host.name", "node-" + service));
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return hex.formatHex(b);
  }

  private String words(int n) {
    StringBuilder sb = new StringBuilder(n * 8);
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }
}
