package io.sightline.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.sightline.clickhouse.format.Row;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end with the real OpenTelemetry Java SDK exporters (OTLP gRPC and OTLP HTTP protobuf)
 * and raw OTLP JSON, into the running receivers, on the embedded engine, read back from ClickHouse.
 */
class OtlpReceiversIT {
  private static IngestHarness h;

  @BeforeAll
  static void start() {
    h = new IngestHarness("otlp_receivers");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** Exports one agent turn (invoke_agent → chat → execute_tool) and returns its trace id. */
  private static String exportAgentTurn(SpanExporter exporter, String service) {
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
        AttributeKey.stringKey("service.name"), service,
        AttributeKey.stringKey("deployment.environment.name"), "test")));
    SdkTracerProvider provider = SdkTracerProvider.builder().setResource(resource)
        .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    Tracer tracer = provider.get("io.sightline.test");
    Span agent = tracer.spanBuilder("invoke_agent support").setSpanKind(SpanKind.INTERNAL)
        .setAttribute("gen_ai.operation.name", "invoke_agent")
        .setAttribute("gen_ai.agent.name", "support")
        .setAttribute("gen_ai.conversation.id", "sess-e2e-" + service)
        .setAttribute("user.id", "user-7").startSpan();
    String traceId = agent.getSpanContext().getTraceId();
    try (Scope ignored = agent.makeCurrent()) {
      Span chat = tracer.spanBuilder("chat gpt-4o-mini").setSpanKind(SpanKind.CLIENT)
          .setAttribute("gen_ai.operation.name", "chat")
          .setAttribute("gen_ai.provider.name", "openai")
          .setAttribute("gen_ai.request.model", "gpt-4o-mini")
          .setAttribute("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
          .setAttribute("gen_ai.usage.input_tokens", 1200L)
          .setAttribute("gen_ai.usage.output_tokens", 80L)
          .setAttribute("gen_ai.usage.cache_read.input_tokens", 1000L)
          .setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("tool_calls"))
          .setAttribute("gen_ai.input.messages",
              "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Where is order 42? Mail me at jane.doe@example.com\"}]}]")
          .startSpan();
      chat.end();
      Span tool = tracer.spanBuilder("execute_tool get_weather")
          .setAttribute("gen_ai.operation.name", "execute_tool")
          .setAttribute("gen_ai.tool.name", "get_weather")
          .setAttribute("gen_ai.tool.call.id", "call_1").startSpan();
      tool.setStatus(StatusCode.ERROR, "no station for Atlantis");
      tool.end();
    } finally {
      agent.end();
    }
    assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    provider.shutdown().join(10, TimeUnit.SECONDS);
    return traceId;
  }

  private void assertAgentTurnStored(String traceId, String service) {
    assertThat(h.count("spans", traceId)).isEqualTo(3);
    Row chat = h.query("SELECT * FROM spans FINAL WHERE trace_id = {t:String} AND obs_type = 'llm'",
        Map.of("t", traceId)).getFirst();
    assertThat(chat.string("service_name")).isEqualTo(service);
    assertThat(chat.string("environment")).isEqualTo("test");
    assertThat(chat.string("provider")).isEqualTo("openai");
    assertThat(chat.string("request_model")).isEqualTo("gpt-4o-mini");
    assertThat(chat.longValue("input_tokens")).isEqualTo(1200);
    assertThat(chat.longValue("cache_read_tokens")).isEqualTo(1000);
    assertThat(chat.string("cost_source")).isEqualTo("computed");
    assertThat(chat.decimal("cost_usd")).isPositive();
    // Each span was exported alone as it ended (root last): the session and user set on the
    // root apply to the whole trace through trace_index and session_traces.
    Row identity = h.query("SELECT max(session_id) AS s, max(user_id) AS u FROM trace_index "
        + "WHERE trace_id = {t:String}", Map.of("t", traceId)).getFirst();
    assertThat(identity.string("s")).isEqualTo("sess-e2e-" + service);
    assertThat(identity.string("u")).isEqualTo("user-7");
    assertThat(h.query("SELECT uniqExact(trace_id) AS n FROM session_traces WHERE session_id = {s:String} "
        + "AND trace_id = {t:String}", Map.of("s", "sess-e2e-" + service, "t", traceId))
        .getFirst().longValue("n")).isEqualTo(1);
    Row content = h.query("SELECT input_messages, redaction_count FROM span_content FINAL "
        + "WHERE trace_id = {t:String}", Map.of("t", traceId)).getFirst();
    assertThat(content.string("input_messages")).contains("<EMAIL>").doesNotContain("jane.doe@example.com");
    assertThat(content.longValue("redaction_count")).isEqualTo(1);
    Row tool = h.query("SELECT status_code, error_message, tool_name FROM spans FINAL "
        + "WHERE trace_id = {t:String} AND obs_type = 'tool'", Map.of("t", traceId)).getFirst();
    assertThat(tool.string("status_code")).isEqualTo("error");
    assertThat(tool.string("tool_name")).isEqualTo("get_weather");
    assertThat(tool.string("error_message")).contains("no station for Atlantis");
    Row trace = h.query("SELECT sum(span_count) AS spans, sum(error_count) AS errors, "
        + "max(session_id) AS session FROM trace_index WHERE trace_id = {t:String}", Map.of("t", traceId)).getFirst();
    assertThat(trace.longValue("spans")).isEqualTo(3);
    assertThat(trace.longValue("errors")).isEqualTo(1);
  }

  @Test
  void otelSdkGrpcExporter_spansAreNormalisedPricedRedactedAndStored() {
    String traceId = exportAgentTurn(OtlpGrpcSpanExporter.builder().setEndpoint(h.grpcEndpoint())
        .setCompression("gzip").build(), "grpc-app");
    assertAgentTurnStored(traceId, "grpc-app");
  }

  @Test
  void otelSdkHttpProtobufExporter_spansAreStored() {
    String traceId = exportAgentTurn(OtlpHttpSpanExporter.builder()
        .setEndpoint(h.httpBase() + "/v1/traces").build(), "http-app");
    assertAgentTurnStored(traceId, "http-app");
  }

  @Test
  void otelSdkLogExporter_genAiEventsBecomeTheirSpansContent() {
    SdkLoggerProvider logs = SdkLoggerProvider.builder()
        .addLogRecordProcessor(SimpleLogRecordProcessor.create(
            OtlpGrpcLogRecordExporter.builder().setEndpoint(h.grpcEndpoint()).build()))
        .build();
    // The span travels too (an SDK without span processors hands out no-op spans).
    SdkTracerProvider traces = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(
        OtlpGrpcSpanExporter.builder().setEndpoint(h.grpcEndpoint()).build())).build();
    Span span = traces.get("t").spanBuilder("chat gpt-4o").startSpan();
    String traceId = span.getSpanContext().getTraceId();
    try (Scope ignored = span.makeCurrent()) {
      Logger logger = logs.get("io.sightline.test");
      logger.logRecordBuilder().setEventName("gen_ai.user.message")
          .setAttribute(AttributeKey.stringKey("gen_ai.system"), "openai")
          .setBody(io.opentelemetry.api.common.Value.of(Map.of("content",
              io.opentelemetry.api.common.Value.of("hi, call me on +44 20 7946 0958"))))
          .emit();
    } finally {
      span.end();
    }
    logs.forceFlush().join(10, TimeUnit.SECONDS);
    traces.forceFlush().join(10, TimeUnit.SECONDS);
    assertThat(h.count("spans", traceId)).isEqualTo(1);
    List<Row> events = h.query("SELECT event_name, message, span_id FROM genai_log_events "
        + "WHERE trace_id = {t:String}", Map.of("t", traceId));
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().string("event_name")).isEqualTo("gen_ai.user.message");
    assertThat(events.getFirst().string("span_id")).isEqualTo(span.getSpanContext().getSpanId());
    assertThat(events.getFirst().string("message")).contains("user").doesNotContain("7946");
    logs.shutdown();
    traces.shutdown();
  }

  @Test
  void rawJson_sharedFixture_storesEverySpanAndLogRecord() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> traceIds = new ArrayList<>();
    for (String line : IngestHarness.fixtureLines("otel-js-openai.jsonl")) {
      JsonNode req = json.readTree(line);
      String path = req.get("signal").asText().equals("traces") ? "/v1/traces" : "/v1/logs";
      HttpResponse<byte[]> r = h.post(path, "application/json",
          json.writeValueAsBytes(req.get("body")), Map.of());
      assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
      req.at("/body/resourceSpans").forEach(rs -> rs.get("scopeSpans").forEach(ss ->
          ss.get("spans").forEach(s -> traceIds.add(s.get("traceId").asText()))));
    }
    List<String> distinct = traceIds.stream().distinct().toList();
    assertThat(distinct).hasSize(3);
    long spans = distinct.stream().mapToLong(t -> h.count("spans", t)).sum();
    assertThat(spans).isEqualTo(10);
    Row totals = h.query("SELECT sum(input_tokens) AS i, sum(output_tokens) AS o, "
        + "uniqExact(session_id) AS sessions, any(session_id) AS s FROM spans FINAL "
        + "WHERE trace_id IN {ids:Array(String)} AND obs_type = 'llm'", Map.of("ids", distinct)).getFirst();
    assertThat(totals.longValue("i")).isEqualTo(600);
    assertThat(totals.longValue("o")).isEqualTo(114);
    assertThat(totals.longValue("sessions")).isEqualTo(1);
    assertThat(totals.string("s")).isEqualTo("sess-otel-js-1");
    assertThat(h.query("SELECT count() AS n FROM genai_log_events WHERE trace_id IN {ids:Array(String)}",
        Map.of("ids", distinct)).getFirst().longValue("n")).isEqualTo(35);
  }

  @Test
  void retriedExport_sameSpansTwice_areNotCountedTwice() {
    RecordingExporter recorder = new RecordingExporter();
    String traceId = exportAgentTurn(recorder, "retry-app");
    OtlpGrpcSpanExporter grpc = OtlpGrpcSpanExporter.builder().setEndpoint(h.grpcEndpoint()).build();
    for (int i = 0; i < 3; i++) {
      assertThat(grpc.export(recorder.spans).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }
    grpc.shutdown();
    Row totals = h.query("SELECT sum(input_tokens) AS tokens, sum(span_count) AS spans, "
        + "sum(llm_calls) AS calls FROM trace_index WHERE trace_id = {t:String}", Map.of("t", traceId)).getFirst();
    assertThat(totals.longValue("spans")).isEqualTo(3);
    assertThat(totals.longValue("calls")).isEqualTo(1);
    assertThat(totals.longValue("tokens")).isEqualTo(1200);
    Row metrics = h.query("SELECT sum(calls) AS calls FROM llm_metrics_1m WHERE service_name = 'retry-app'",
        Map.of()).getFirst();
    assertThat(metrics.longValue("calls")).isEqualTo(3);
    assertThat(h.server.metrics().counter("sightline_ingest_duplicate_spans_dropped_total")).isGreaterThanOrEqualTo(6);
  }

  /** Keeps what the SDK exported, to send the very same spans again. */
  private static final class RecordingExporter implements SpanExporter {
    final List<SpanData> spans = new ArrayList<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      spans.addAll(batch);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
