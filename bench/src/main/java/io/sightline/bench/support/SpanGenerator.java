package io.sightline.bench.support;

import io.sightline.clickhouse.tables.SpanContentRow;
import io.sightline.clickhouse.tables.SpanRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic GenAI span rows for benchmarks: multi-step agent traces (an agent root, LLM calls,
 * tool calls, a retrieval) with ≈ 30 span attributes, 8 resource attributes, 200-character
 * previews and ≈ 1 KB of message content per span. Deterministic for a given seed.
 */
public final class SpanGenerator {
  private static final String[] WORDS = ("order delivery refund policy weather shipping warehouse "
      + "customer package tracking invoice payment address delay support agent question answer "
      + "please thank you status estimate arrival carrier express standard return window days")
      .split(" ");
  private static final String[] SERVICES = {"support-bot", "billing-agent", "search-api", "router", "planner"};
  private static final String[] MODELS = {"gpt-4o-mini", "gpt-4o", "claude-sonnet-4-5", "gemini-2.5-flash"};
  private static final String[] PROVIDERS = {"openai", "openai", "anthropic", "gcp.gemini"};
  private static final String[] TOOLS = {"get_order_status", "get_weather", "search_policy", "refund"};

  private final SplittableRandom random;
  private final HexFormat hex = HexFormat.of();
  private final List<Map<String, String>> resources = new ArrayList<>();

  public SpanGenerator(long seed) {
    random = new SplittableRandom(seed);
    for (String service : SERVICES) {
      Map<String, String> r = new LinkedHashMap<>();
      r.put("service.name", service);
      r.put("service.version", "1." + random.nextInt(10) + "." + random.nextInt(20));
      r.put("deployment.environment.name", "production");
      r.put("telemetry.sdk.name", "opentelemetry");
      r.put("telemetry.sdk.language", "java");
      r.put("telemetry.sdk.version", "1.65.0");
      r.put("host.name", "ip-10-0-" + random.nextInt(255) + "-" + random.nextInt(255));
      r.put("process.pid", Integer.toString(1000 + random.nextInt(60000)));
      resources.add(r);
    }
  }

  /** One generated span: the spans row and its content row. */
  public record GeneratedSpan(SpanRow span, SpanContentRow content) {}

  /** Spans of {@code traces} agent traces of 8 spans each, starting around {@code start}. */
  public List<GeneratedSpan> traces(int traces, Instant start, long spreadSeconds) {
    List<GeneratedSpan> out = new ArrayList<>(traces * 8);
    for (int t = 0; t < traces; t++) {
      String traceId = hex(16);
      int s = random.nextInt(SERVICES.length);
      Instant t0 = start.plusSeconds(random.nextLong(Math.max(1, spreadSeconds)))
          .plusNanos(random.nextLong(1_000_000_000L));
      String root = hex(8);
      String session = "sess-" + random.nextInt(traces / 4 + 1);
      out.add(span(traceId, root, "", "agent", "invoke_agent support", s, t0, session, -1, null));
      Instant at = t0.plusMillis(5);
      for (int i = 0; i < 7; i++) {
        String type = i == 0 ? "retriever" : i % 2 == 1 ? "llm" : "tool";
        int m = random.nextInt(MODELS.length);
        String name = switch (type) {
          case "llm" -> "chat " + MODELS[m];
          case "tool" -> "execute_tool " + TOOLS[random.nextInt(TOOLS.length)];
          default -> "retrieve policies";
        };
        out.add(span(traceId, hex(8), root, type, name, s, at, session, m, null));
        at = at.plusMillis(50 + random.nextInt(900));
      }
    }
    return out;
  }

  private GeneratedSpan span(String traceId, String spanId, String parent, String type, String name,
      int service, Instant start, String session, int model, Void unused) {
    boolean llm = type.equals("llm");
    long input = llm ? 200 + random.nextInt(4000) : 0;
    long output = llm ? 20 + random.nextInt(600) : 0;
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("gen_ai.operation.name", llm ? "chat" : type.equals("tool") ? "execute_tool" : type);
    attrs.put("gen_ai.system", llm ? PROVIDERS[model] : "");
    attrs.put("gen_ai.request.model", llm ? MODELS[model] : "");
    attrs.put("gen_ai.request.temperature", "0." + random.nextInt(10));
    attrs.put("gen_ai.request.max_tokens", Integer.toString(256 << random.nextInt(4)));
    attrs.put("gen_ai.response.id", "chatcmpl-" + hex(12));
    attrs.put("gen_ai.response.finish_reasons", "[\"stop\"]");
    attrs.put("gen_ai.usage.input_tokens", Long.toString(input));
    attrs.put("gen_ai.usage.output_tokens", Long.toString(output));
    attrs.put("server.address", "api.openai.com");
    attrs.put("server.port", "443");
    attrs.put("http.request.method", "POST");
    attrs.put("http.response.status_code", "200");
    attrs.put("url.full", "https://api.openai.com/v1/chat/completions");
    attrs.put("thread.name", "http-nio-8080-exec-" + random.nextInt(200));
    attrs.put("thread.id", Integer.toString(random.nextInt(10000)));
    attrs.put("code.function", "handle" + WORDS[random.nextInt(WORDS.length)]);
    attrs.put("code.namespace", "com.example.support.AgentService");
    attrs.put("session.id", session);
    attrs.put("user.id", "user-" + random.nextInt(1000));
    attrs.put("app.tenant", "tenant-" + random.nextInt(50));
    attrs.put("app.request_id", hex(8));
    attrs.put("app.feature_flag.rag", Boolean.toString(random.nextBoolean()));
    attrs.put("app.region", "eu-west-" + (1 + random.nextInt(3)));
    attrs.put("app.channel", random.nextBoolean() ? "web" : "mobile");
    attrs.put("app.locale", "en-GB");
    attrs.put("net.peer.name", "api.openai.com");
    attrs.put("otel.scope.name", "io.sightline.openai");
    attrs.put("gen_ai.conversation.id", session);
    attrs.put("app.prompt.version", "v" + random.nextInt(5));
    String prompt = words(120);
    String answer = words(50);
    SpanRow row = SpanRow.builder().traceId(traceId).spanId(spanId).parentSpanId(parent)
        .startTime(start).durationNanos(1_000_000L * (20 + random.nextInt(3000)))
        .ingestedAt(Instant.now()).serviceName(SERVICES[service])
        .serviceVersion(resources.get(service).get("service.version")).environment("production")
        .scopeName("io.sightline.openai").scopeVersion("0.1.0").spanName(name)
        .spanKind(llm ? "client" : "internal").statusCode(random.nextInt(50) == 0 ? "error" : "ok")
        .obsType(type).operationName(attrs.get("gen_ai.operation.name"))
        .provider(llm ? PROVIDERS[model] : "").requestModel(llm ? MODELS[model] : "")
        .responseModel(llm ? MODELS[model] + "-2024-07-18" : "").responseId(attrs.get("gen_ai.response.id"))
        .agentName("support").toolName(type.equals("tool") ? name.substring(13) : "")
        .sessionId(session).userId(attrs.get("user.id")).finishReasons(llm ? List.of("stop") : List.of())
        .streaming(llm && random.nextBoolean()).ttftMillis(llm ? 100 + random.nextInt(900) : 0)
        .inputTokens(input).outputTokens(output).totalTokens(input + output)
        .cacheReadTokens(llm ? random.nextInt((int) input / 2 + 1) : 0)
        .usageIsRollup(type.equals("agent"))
        .costUsd(llm ? BigDecimal.valueOf(input * 150 + output * 600, 9) : null)
        .costSource(llm ? "computed" : "none").priceVersion(llm ? "2026-11-27" : "")
        .inputPreview(prompt.substring(0, Math.min(200, prompt.length())))
        .outputPreview(answer.substring(0, Math.min(200, answer.length())))
        .contentBytes(prompt.length() + answer.length() + 120).semconvSource("otel_genai")
        .spanAttributes(attrs).resourceAttributes(resources.get(service))
        .events(llm ? List.of(new SpanRow.Event(start.plusMillis(3), "gen_ai.content.prompt", Map.of("n", "1")))
            : List.of())
        .build();
    SpanContentRow content = new SpanContentRow("default", 30, traceId, spanId, start, Instant.now(),
        "You are a helpful support agent.",
        "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + prompt + "\"}]}]",
        "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + answer + "\"}],\"finish_reason\":\"stop\"}]",
        "", "", "", "", "", "", List.of(), prompt.length() + answer.length(), 0);
    return new GeneratedSpan(row, content);
  }

  private String words(int n) {
    StringBuilder sb = new StringBuilder(n * 7);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return hex.formatHex(b);
  }
}
