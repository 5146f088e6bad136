package io.sightline.query.api;

import static io.sightline.query.api.QueryApiIT.edge;
import static io.sightline.query.api.QueryApiIT.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.sightline.auth.ApiKeys;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.testing.TestStore;
import io.sightline.config.Settings;
import io.sightline.ingest.IngestServer;
import io.sightline.query.testing.ApiServer;
import io.sightline.query.testing.ApiServer.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end: the OpenTelemetry Java SDK exports a five-turn agent session over OTLP/HTTP into
 * the real ingest receivers (normalisation, pricing, redaction, writer), and the query API
 * rebuilds it. Turns: a tool failure the agent recovers from; an LLM 429 retried then a tool
 * failure answered with an apology; a tool loop; a streaming answer (content as GenAI log
 * records, slow to first token); a truncated answer. Session and user ids are on the agent spans
 * only.
 */
class IngestEndToEndIT {
  static final String SESSION = "sess-e2e-1";
  static final String KEY = "e2e-key";
  static ClickHouseGateway gateway;
  static IngestServer ingest;
  static ApiServer api;
  static final String[] TRACES = new String[5];
  static Instant t0;

  @BeforeAll
  static void start() {
    gateway = TestStore.migratedDatabase("query_e2e");
    ApiKeys keys = ApiKeys.parse(KEY + "=shop");
    ingest = IngestServer.start(gateway, Settings.of(Map.of("sightline.otlp.grpc.port", "0",
        "sightline.otlp.http.port", "0", "sightline.otlp.host", "127.0.0.1",
        "sightline.ingest.batch.max-delay", "20ms")), keys, InstantSource.system(),
        Duration.ofSeconds(10));
    t0 = Instant.now().minusSeconds(600);
    export("http://127.0.0.1:" + ingest.httpPort());
    api = new ApiServer(gateway, keys, Instant.now().plusSeconds(60));
  }

  @AfterAll
  static void stop() {
    api.close();
    ingest.close();
    gateway.close();
  }

  // ---- the session, as an instrumented application would send it ----

  static Tracer tracer;
  static Logger logger;

  static void export(String base) {
    Map<String, String> auth = Map.of("Authorization", "Bearer " + KEY);
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
        AttributeKey.stringKey("service.name"), "shop-agent",
        AttributeKey.stringKey("service.version"), "2.1.0",
        AttributeKey.stringKey("deployment.environment.name"), "prod")));
    SdkTracerProvider traces = SdkTracerProvider.builder().setResource(resource)
        .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
            .setEndpoint(base + "/v1/traces").setHeaders(() -> auth).build()).build()).build();
    SdkLoggerProvider logs = SdkLoggerProvider.builder().setResource(resource)
        .addLogRecordProcessor(BatchLogRecordProcessor.builder(OtlpHttpLogRecordExporter.builder()
            .setEndpoint(base + "/v1/logs").setHeaders(() -> auth).build()).build()).build();
    tracer = traces.get("io.sightline.e2e");
    logger = logs.get("io.sightline.e2e");
    turnRecovered();
    turnRateLimitedThenApology();
    turnToolLoop();
    turnStreaming();
    turnTruncated();
    assertThat(logs.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    assertThat(traces.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    logs.shutdown();
    traces.shutdown();
  }

  static Span agent(int turn, String question, long atMs, long durMs) {
    Span s = tracer.spanBuilder("invoke_agent shop").setSpanKind(SpanKind.INTERNAL)
        .setStartTimestamp(t0.plusMillis(atMs))
        .setAttribute("gen_ai.operation.name", "invoke_agent")
        .setAttribute("gen_ai.agent.name", "shop")
        .setAttribute("gen_ai.conversation.id", SESSION)
        .setAttribute("user.id", "user-e2e")
        .setAttribute("gen_ai.input.messages", messages("user", question)).startSpan();
    TRACES[turn] = s.getSpanContext().getTraceId();
    s.setAttribute("sightline.test.end", t0.plusMillis(atMs + durMs).toString());
    return s;
  }

  static Span chat(Span parent, long atMs, long durMs, long in, long out, String finish,
      String outputMessages) {
    Span s = tracer.spanBuilder("chat gpt-4o-mini").setSpanKind(SpanKind.CLIENT)
        .setParent(Context.root().with(parent)).setStartTimestamp(t0.plusMillis(atMs))
        .setAttribute("gen_ai.operation.name", "chat")
        .setAttribute("gen_ai.provider.name", "openai")
        .setAttribute("gen_ai.request.model", "gpt-4o-mini")
        .setAttribute("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
        .setAttribute("gen_ai.usage.input_tokens", in)
        .setAttribute("gen_ai.usage.output_tokens", out).startSpan();
    if (finish != null) {
      s.setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of(finish));
    }
    if (outputMessages != null) {
      s.setAttribute("gen_ai.output.messages", outputMessages);
    }
    s.end(t0.plusMillis(atMs + durMs));
    return s;
  }

  static Span tool(Span parent, long atMs, long durMs, String name, String callId, String args,
      String error) {
    var b = tracer.spanBuilder("execute_tool " + name).setSpanKind(SpanKind.INTERNAL)
        .setParent(Context.root().with(parent)).setStartTimestamp(t0.plusMillis(atMs))
        .setAttribute("gen_ai.operation.name", "execute_tool")
        .setAttribute("gen_ai.tool.name", name)
        .setAttribute("gen_ai.tool.call.arguments", args);
    if (callId != null) {
      b.setAttribute("gen_ai.tool.call.id", callId);
    }
    Span s = b.startSpan();
    if (error != null) {
      s.setAttribute("error.type", "ToolError");
      s.setStatus(StatusCode.ERROR, error);
    } else {
      s.setAttribute("gen_ai.tool.call.result", "{\"ok\":true}");
    }
    s.end(t0.plusMillis(atMs + durMs));
    return s;
  }

  static void end(Span agent, String answer) {
    agent.setAttribute("gen_ai.output.messages", messages("assistant", answer));
    agent.end(Instant.parse(((io.opentelemetry.sdk.trace.ReadableSpan) agent)
        .getAttribute(AttributeKey.stringKey("sightline.test.end"))));
  }

  static String messages(String role, String text) {
    return "[{\"role\":\"" + role + "\",\"parts\":[{\"type\":\"text\",\"content\":\"" + text + "\"}]}]";
  }

  static String toolCall(String id, String name, String args) {
    return "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"" + id
        + "\",\"name\":\"" + name + "\",\"arguments\":" + args + "}],\"finish_reason\":\"tool_call\"}]";
  }

  static void turnRecovered() {
    Span a = agent(0, "What is the weather in Paris?", 0, 4000);
    chat(a, 10, 700, 120, 20, "tool_calls", toolCall("call_w1", "get_weather", "{\"city\":\"Paris\"}"));
    tool(a, 720, 300, "get_weather", "call_w1", "{\"city\":\"Paris\"}", "weather API returned 500");
    chat(a, 1030, 2900, 160, 30, "stop", messages("assistant", "It is sunny and 21 C in Paris."));
    end(a, "It is sunny and 21 C in Paris.");
  }

  static void turnRateLimitedThenApology() {
    Span a = agent(1, "Where is my order 48213?", 60_000, 5000);
    Span limited = tracer.spanBuilder("chat gpt-4o-mini").setSpanKind(SpanKind.CLIENT)
        .setParent(Context.root().with(a)).setStartTimestamp(t0.plusMillis(60_010))
        .setAttribute("gen_ai.operation.name", "chat")
        .setAttribute("gen_ai.provider.name", "openai")
        .setAttribute("gen_ai.request.model", "gpt-4o-mini")
        .setAttribute("error.type", "RateLimitError")
        .setAttribute("http.response.status_code", 429L).startSpan();
    limited.setStatus(StatusCode.ERROR, "Error code: 429 - Rate limit reached");
    limited.end(t0.plusMillis(60_200));
    chat(a, 61_300, 800, 400, 25, "tool_calls",
        toolCall("call_o1", "get_order_status", "{\"order_id\":\"48213\"}"));
    tool(a, 62_150, 150, "get_order_status", "call_o1", "{\"order_id\":\"48213\"}",
        "order service has no record of order 48213");
    chat(a, 62_350, 2500, 450, 30, "stop",
        messages("assistant", "I'm sorry, I could not find order 48213."));
    end(a, "I'm sorry, I could not find order 48213.");
  }

  static void turnToolLoop() {
    Span a = agent(2, "How do refunds work?", 120_000, 3000);
    chat(a, 120_010, 500, 900, 15, "tool_calls", null);
    for (int i = 0; i < 3; i++) {
      tool(a, 120_600 + i * 200L, 150, "search_policy", null, "{\"q\":\"refunds\"}", null);
    }
    chat(a, 121_300, 1600, 1000, 40, "stop", messages("assistant", "Refunds take 5 days."));
    end(a, "Refunds take 5 days.");
  }

  static void turnStreaming() {
    Span a = agent(3, "Summarize our conversation.", 180_000, 4000);
    Span s = tracer.spanBuilder("chat gpt-4o-mini").setSpanKind(SpanKind.CLIENT)
        .setParent(Context.root().with(a)).setStartTimestamp(t0.plusMillis(180_005))
        .setAttribute("gen_ai.operation.name", "chat")
        .setAttribute("gen_ai.provider.name", "openai")
        .setAttribute("gen_ai.request.model", "gpt-4o-mini")
        .setAttribute("gen_ai.request.stream", true)
        .setAttribute("gen_ai.response.time_to_first_chunk", 2.5)
        .setAttribute("gen_ai.usage.input_tokens", 1600L)
        .setAttribute("gen_ai.usage.output_tokens", 40L)
        .setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"))
        .startSpan();
    // Content as GenAI log records (semconv 1.28-1.36), tied to the span by context.
    Context ctx = Context.root().with(s);
    logger.logRecordBuilder().setContext(ctx).setEventName("gen_ai.user.message")
        .setBody(Value.of(Map.of("content", Value.of("Summarize our conversation.")))).emit();
    logger.logRecordBuilder().setContext(ctx).setEventName("gen_ai.choice")
        .setBody(Value.of(Map.of("index", Value.of(0L), "finish_reason", Value.of("stop"),
            "message", Value.of(Map.of("content", Value.of("You asked about weather, an order and refunds."))))))
        .emit();
    s.end(t0.plusMillis(183_905));
    end(a, "You asked about weather, an order and refunds.");
  }

  static void turnTruncated() {
    Span a = agent(4, "Write a long poem about parcels.", 240_000, 3000);
    chat(a, 240_010, 2900, 2500, 512, "max_tokens",
        messages("assistant", "Parcels travel far and wide, over hills and"));
    end(a, "Parcels travel far and wide, over hills and");
  }

  // ---- what the query API makes of it ----

  static JsonNode ok(String path) {
    Response r = api.get(KEY, path);
    assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(200);
    return r.body();
  }

  @Test
  void session_rebuildsEveryTurnAndStepFromTheReceivedTelemetry() {
    JsonNode s = ok("/api/v1/sessions/" + SESSION);
    assertThat(s.get("userId").asText()).isEqualTo("user-e2e");
    assertThat(s.get("traceCount").asInt()).isEqualTo(5);
    assertThat(s.get("turnCount").asInt()).isEqualTo(5);
    JsonNode turns = s.get("turns");
    assertThat(turns).extracting(t -> t.get("traceId").asText()).containsExactly(TRACES);
    assertThat(turns).extracting(t -> t.get("input").asText()).containsExactly(
        "What is the weather in Paris?", "Where is my order 48213?", "How do refunds work?",
        "Summarize our conversation.", "Write a long poem about parcels.");
    assertThat(turns.get(0).get("output").asText()).isEqualTo("It is sunny and 21 C in Paris.");
    assertThat(turns.get(0).get("latencyMs").asDouble()).isEqualTo(4000.0);

    JsonNode t1 = turns.get(0).get("steps");
    assertThat(t1).extracting(x -> x.get("kind").asText()).containsExactly("llm", "tool", "llm");
    assertThat(t1.get(0).get("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(t1.get(0).get("provider").asText()).isEqualTo("openai");
    assertThat(t1.get(0).get("usage").get("inputTokens").asInt()).isEqualTo(120);
    assertThat(t1.get(0).get("costUsd").isNull()).as("priced by ingest's catalogue").isFalse();
    assertThat(t1.get(0).get("finishReasons").get(0).asText()).isEqualTo("tool_call");
    assertThat(t1.get(1).get("toolName").asText()).isEqualTo("get_weather");
    assertThat(t1.get(1).get("toolCallId").asText()).isEqualTo("call_w1");
    assertThat(t1.get(1).get("arguments").get("city").asText()).isEqualTo("Paris");
    assertThat(t1.get(1).get("status").asText()).isEqualTo("error");
    assertThat(t1.get(1).get("errorMessage").asText()).isEqualTo("weather API returned 500");
    assertThat(t1.get(1).get("latencyMs").asDouble()).isEqualTo(300.0);
    assertThat(t1.get(1).get("requestedBy").get("spanId").asText()).isEqualTo(t1.get(0).get("spanId").asText());
    assertThat(t1.get(1).get("requestedBy").get("linkedBy").asText()).isEqualTo("tool_call_id");

    JsonNode t2 = turns.get(1).get("steps");
    assertThat(t2).extracting(x -> x.get("kind").asText()).containsExactly("llm", "llm", "tool", "llm");
    assertThat(t2.get(0).get("status").asText()).isEqualTo("error");
    assertThat(t2.get(0).get("errorType").asText()).isEqualTo("RateLimitError");
    assertThat(turns.get(1).get("output").asText()).startsWith("I'm sorry");

    JsonNode t3 = turns.get(2).get("steps");
    assertThat(t3).extracting(x -> x.get("kind").asText())
        .containsExactly("llm", "tool", "tool", "tool", "llm");
    assertThat(t3.get(2).get("result").get("ok").asBoolean()).isTrue();
    assertThat(t3.get(2).get("requestedBy").get("linkedBy").asText()).isEqualTo("order");

    JsonNode stream = turns.get(3).get("steps").get(0);
    assertThat(stream.get("streaming").asBoolean()).isTrue();
    assertThat(stream.get("ttftMs").asLong()).isEqualTo(2500);
    assertThat(stream.get("input").asText()).as("from the log records").isEqualTo("Summarize our conversation.");
    assertThat(stream.get("output").asText()).isEqualTo("You asked about weather, an order and refunds.");

    JsonNode cut = turns.get(4).get("steps").get(0);
    assertThat(cut.get("finishReasons").get(0).asText()).isEqualTo("length");
    assertThat(cut.get("usage").get("outputTokens").asInt()).isEqualTo(512);
  }

  @Test
  void analysis_separatesRootCauseFromRecoveryAndFindsRetriesLoopsAndBadOutputs() {
    JsonNode a = ok("/api/v1/sessions/" + SESSION + "/analysis");
    assertThat(finding(a, "recovered_error", 1).get("evidence").get("errorMessage").asText())
        .isEqualTo("weather API returned 500");
    JsonNode root = finding(a, "root_cause", 2);
    assertThat(root.get("evidence").get("errorMessage").asText())
        .isEqualTo("order service has no record of order 48213");
    assertThat(root.get("evidence").get("outcome").asText()).isEqualTo("the final answer only apologises");
    assertThat(StreamSupport.stream(a.get("findings").spliterator(), false)
        .filter(f -> f.get("type").asText().equals("root_cause")).count()).isEqualTo(1);
    assertThat(finding(a, "rate_limited", 2).get("evidence").get("errorType").asText()).isEqualTo("RateLimitError");
    assertThat(finding(a, "llm_retry", 2).get("evidence").get("retries").asInt()).isEqualTo(1);
    assertThat(finding(a, "tool_loop", 3).get("evidence").get("calls").asInt()).isEqualTo(3);
    assertThat(finding(a, "slow_ttft", 4).get("evidence").get("ttftMs").asInt()).isEqualTo(2500);
    assertThat(finding(a, "truncated_output", 5).get("evidence").get("outputTokens").asInt()).isEqualTo(512);
    assertThat(finding(a, "latency_critical_path", 1).get("evidence").get("dominantShare").asDouble())
        .isEqualTo(0.725);
  }

  @Test
  void graphListsAndMetrics_seeTheSession() {
    JsonNode g = ok("/api/v1/sessions/" + SESSION + "/graph");
    assertThat(edge(g, "agent:shop", "model:gpt-4o-mini").get("calls").asInt()).isEqualTo(9);
    assertThat(edge(g, "agent:shop", "model:gpt-4o-mini").get("errors").asInt()).isEqualTo(1);
    assertThat(edge(g, "agent:shop", "tool:search_policy").get("calls").asInt()).isEqualTo(3);
    assertThat(edge(g, "agent:shop", "tool:get_weather").get("errors").asInt()).isEqualTo(1);
    JsonNode list = ok("/api/v1/traces?sessionId=" + SESSION + "&status=error");
    assertThat(list.get("items")).extracting(t -> t.get("traceId").asText()).containsExactly(TRACES[1], TRACES[0]);
    assertThat(ok("/api/v1/traces?userId=user-e2e").get("items")).hasSize(5);
    JsonNode m = ok("/api/v1/metrics/summary");
    assertThat(m.get("requests").asInt()).isEqualTo(9);
    assertThat(m.get("errors").asInt()).isEqualTo(1);
    assertThat(m.get("ttftMs").get("p50").asDouble()).isEqualTo(2500.0);
    assertThat(ok("/api/v1/services").get("items").get(0).get("name").asText()).isEqualTo("shop-agent");
    assertThat(api.get(null, "/api/v1/sessions/" + SESSION).status()).isEqualTo(401);
  }
}
