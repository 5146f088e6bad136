package io.sightline.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.rpc.RetryInfo;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.sightline.auth.ApiKeys;
import io.sightline.ingest.otlp.grpc.RawBytesMarshaller;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a clear error, the server keeps serving, and nothing acknowledged before is lost.
 * Every test ends by checking that a good export still works and the first one is still stored.
 */
class OtlpBadInputIT {
  private static final String PROTO = "application/x-protobuf";
  private static final String JSON = "application/json";
  private static IngestHarness h;
  private static String firstTrace;

  @BeforeAll
  static void start() throws Exception {
    h = new IngestHarness("otlp_bad_input", Map.of("sightline.otlp.max-request-bytes", "1MiB"),
        ApiKeys.open());
    firstTrace = newTraceId();
    assertThat(h.post("/v1/traces", PROTO, request(firstTrace, span(firstTrace, 1)).toByteArray(), Map.of())
        .statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static String newTraceId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  static Span span(String traceId, int n) {
    return Span.newBuilder().setTraceId(ByteString.fromHex(traceId))
        .setSpanId(ByteString.fromHex(String.format("%016x", n))).setName("chat gpt-4o-mini")
        .setStartTimeUnixNano(1_795_787_324_000_000_000L).setEndTimeUnixNano(1_795_787_325_000_000_000L)
        .addAttributes(kv("gen_ai.operation.name", "chat")).build();
  }

  static KeyValue kv(String k, String v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setStringValue(v)).build();
  }

  static ExportTraceServiceRequest request(String traceId, Span... spans) {
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(kv("service.name", "bad-input")))
        .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans)))).build();
  }

  /** After any bad request: the server still accepts a good one, and the first trace is intact. */
  private static void serverStillHealthy() throws Exception {
    String t = newTraceId();
    assertThat(h.post("/v1/traces", PROTO, request(t, span(t, 1)).toByteArray(), Map.of()).statusCode())
        .isEqualTo(200);
    assertThat(h.count("spans", t)).isEqualTo(1);
    assertThat(h.count("spans", firstTrace)).isEqualTo(1);
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void http_malformedProtobuf_is400WithStatusBody() throws Exception {
    HttpResponse<byte[]> r = h.post("/v1/traces", PROTO, new byte[] {(byte) 0xff, 0x12, 0x00, 0x7f}, Map.of());
    assertThat(r.statusCode()).isEqualTo(400);
    com.google.rpc.Status status = com.google.rpc.Status.parseFrom(r.body());
    assertThat(status.getCode()).isEqualTo(3);
    assertThat(status.getMessage()).isNotBlank();
    serverStillHealthy();
  }

  @Test
  void http_malformedJson_is400WithJsonStatus() throws Exception {
    HttpResponse<byte[]> r = h.post("/v1/traces", JSON, "{\"resourceSpans\": [".getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(text(r)).contains("\"code\":3").contains("message");
    HttpResponse<byte[]> wrongType = h.post("/v1/traces", JSON,
        "{\"resourceSpans\": \"not a list\"}".getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(wrongType.statusCode()).isEqualTo(400);
    serverStillHealthy();
  }

  @Test
  void http_wrongContentType_is415() throws Exception {
    HttpResponse<byte[]> r = h.post("/v1/traces", "text/plain", "hello".getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(text(r)).contains("application/x-protobuf").contains("application/json");
    serverStillHealthy();
  }

  @Test
  void http_idsOfWrongLength_rejectOnlyThatSpanWithPartialSuccess() throws Exception {
    String t = newTraceId();
    String body = """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"json-app"}}]},
          "scopeSpans":[{"spans":[
            {"traceId":"%s","spanId":"0000000000000001","name":"good","kind":1,
             "startTimeUnixNano":"1795787324000000000","endTimeUnixNano":"1795787325000000000"},
            {"traceId":"abc123","spanId":"0000000000000002","name":"bad id","kind":1,
             "startTimeUnixNano":"1795787324000000000","endTimeUnixNano":"1795787325000000000"}]}]}]}
        """.formatted(t);
    HttpResponse<byte[]> r = h.post("/v1/traces", JSON, body.getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(text(r)).contains("\"rejectedSpans\":\"1\"").containsIgnoringCase("trace id");
    assertThat(h.count("spans", t)).isEqualTo(1);
    serverStillHealthy();
  }

  @Test
  void http_emptyRequests_areAccepted() throws Exception {
    assertThat(h.post("/v1/traces", JSON, "{}".getBytes(StandardCharsets.UTF_8), Map.of()).statusCode()).isEqualTo(200);
    assertThat(h.post("/v1/traces", PROTO, new byte[0], Map.of()).statusCode()).isEqualTo(200);
    assertThat(h.post("/v1/logs", PROTO, new byte[0], Map.of()).statusCode()).isEqualTo(200);
    serverStillHealthy();
  }

  @Test
  void http_oversizeRequest_is413AndNotTruncated() throws Exception {
    String t = newTraceId();
    Span big = span(t, 1).toBuilder().addAttributes(kv("blob", "x".repeat(1_200_000))).build();
    HttpResponse<byte[]> r = h.post("/v1/traces", PROTO, request(t, big).toByteArray(), Map.of());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(com.google.rpc.Status.parseFrom(r.body()).getMessage()).contains("1 MiB limit");
    assertThat(h.count("spans", t)).isZero();
    serverStillHealthy();
  }

  @Test
  void http_gzipBomb_isStoppedAtTheLimit() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) {
        gz.write(zeros); // 200 MiB of zeros, a few hundred KiB compressed
      }
    }
    assertThat(bytes.size()).isLessThan(1 << 20);
    HttpResponse<byte[]> r = h.post("/v1/traces", PROTO, bytes.toByteArray(), Map.of("Content-Encoding", "gzip"));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(com.google.rpc.Status.parseFrom(r.body()).getMessage()).contains("after gzip decompression");
    serverStillHealthy();
  }

  @Test
  void http_gzipBody_isAccepted() throws Exception {
    String t = newTraceId();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(request(t, span(t, 1), span(t, 2)).toByteArray());
    }
    assertThat(h.post("/v1/traces", PROTO, bytes.toByteArray(), Map.of("Content-Encoding", "gzip")).statusCode())
        .isEqualTo(200);
    assertThat(h.count("spans", t)).isEqualTo(2);
  }

  @Test
  void http_tenThousandAttributesOrDeepNesting_rejectThatSpanOnly() throws Exception {
    String t = newTraceId();
    Span.Builder wide = span(t, 1).toBuilder();
    for (int i = 0; i < 10_000; i++) {
      wide.addAttributes(kv("attr." + i, "v"));
    }
    AnyValue deep = AnyValue.newBuilder().setStringValue("bottom").build();
    for (int i = 0; i < 100; i++) {
      deep = AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
          .addValues(KeyValue.newBuilder().setKey("k").setValue(deep))).build();
    }
    Span nested = span(t, 2).toBuilder().addAttributes(KeyValue.newBuilder().setKey("deep").setValue(deep)).build();
    HttpResponse<byte[]> r = h.post("/v1/traces", PROTO,
        request(t, wide.build(), nested, span(t, 3)).toByteArray(), Map.of());
    assertThat(r.statusCode()).isEqualTo(200);
    ExportTraceServiceResponse resp = ExportTraceServiceResponse.parseFrom(r.body());
    assertThat(resp.getPartialSuccess().getRejectedSpans()).isEqualTo(2);
    assertThat(resp.getPartialSuccess().getErrorMessage()).isNotBlank();
    assertThat(h.count("spans", t)).isEqualTo(1);
    serverStillHealthy();
  }

  @Test
  void grpc_malformedProtobuf_isInvalidArgument() throws Exception {
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", h.server.grpcPort()).usePlaintext().build();
    try {
      io.grpc.MethodDescriptor<byte[], byte[]> raw = io.grpc.MethodDescriptor.<byte[], byte[]>newBuilder(
              RawBytesMarshaller.INSTANCE, RawBytesMarshaller.INSTANCE)
          .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(TraceServiceGrpc.getExportMethod().getFullMethodName()).build();
      assertThatThrownBy(() -> io.grpc.stub.ClientCalls.blockingUnaryCall(channel, raw,
          io.grpc.CallOptions.DEFAULT, new byte[] {(byte) 0xff, 0x01, 0x02}))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
      String t = newTraceId();
      ExportTraceServiceResponse ok = TraceServiceGrpc.newBlockingStub(channel).export(request(t, span(t, 1)));
      assertThat(ok.hasPartialSuccess()).as("left unset when everything was accepted (OTLP spec)").isFalse();
      assertThat(h.count("spans", t)).isEqualTo(1);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    serverStillHealthy();
  }

  @Test
  void grpc_oversizeRequest_isResourceExhaustedAndNothingStored() throws Exception {
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", h.server.grpcPort()).usePlaintext()
        .maxInboundMessageSize(8 << 20).build();
    try {
      String t = newTraceId();
      Span big = span(t, 1).toBuilder().addAttributes(kv("blob", "x".repeat(1_200_000))).build();
      assertThatThrownBy(() -> TraceServiceGrpc.newBlockingStub(channel).export(request(t, big)))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
      assertThat(h.count("spans", t)).isZero();
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    serverStillHealthy();
  }

  @Test
  void apiKeys_missingOrWrongKey_isRefused_rightKeyStoresUnderItsProject() throws Exception {
    try (IngestHarness secured = new IngestHarness("otlp_auth", Map.of(), ApiKeys.parse("k-alpha=alpha"))) {
      String t = newTraceId();
      byte[] body = request(t, span(t, 1)).toByteArray();
      assertThat(secured.post("/v1/traces", PROTO, body, Map.of()).statusCode()).isEqualTo(401);
      assertThat(secured.post("/v1/traces", PROTO, body, Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", secured.server.grpcPort()).usePlaintext().build();
      try {
        assertThatThrownBy(() -> TraceServiceGrpc.newBlockingStub(channel).export(request(t, span(t, 1))))
            .isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        Metadata md = new Metadata();
        md.put(Metadata.Key.of("x-sightline-api-key", Metadata.ASCII_STRING_MARSHALLER), "k-alpha");
        TraceServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md))
            .export(request(t, span(t, 2)));
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      assertThat(secured.post("/v1/traces", PROTO, body, Map.of("Authorization", "Bearer k-alpha")).statusCode())
          .isEqualTo(200);
      assertThat(secured.query("SELECT DISTINCT project_id FROM spans WHERE trace_id = {t:String}", Map.of("t", t))
          .stream().map(r -> r.string("project_id")).toList()).containsExactly("alpha");
      assertThat(secured.count("spans", t)).isEqualTo(2);
    }
  }

  @Test
  void overload_is429WithRetryAfter_andGrpcResourceExhaustedWithRetryInfo() throws Exception {
    try (IngestHarness tight = new IngestHarness("otlp_overload", Map.of(
        "sightline.ingest.queue.max-spans", "5", "sightline.ingest.batch.max-spans", "5",
        "sightline.ingest.batch.max-delay", "3s", "sightline.ingest.writers", "1",
        "sightline.ingest.retry-after", "9s"), ApiKeys.open())) {
      String t = newTraceId();
      // Four spans wait in the queue for the 3 s batch delay...
      CompletableFuture<HttpResponse<byte[]>> first = CompletableFuture.supplyAsync(() -> {
        try {
          return tight.post("/v1/traces", PROTO, request(t, span(t, 1), span(t, 2), span(t, 3), span(t, 4)).toByteArray(), Map.of());
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      Thread.sleep(500);
      // ...so two more do not fit.
      String u = newTraceId();
      HttpResponse<byte[]> refused = tight.post("/v1/traces", PROTO, request(u, span(u, 1), span(u, 2)).toByteArray(), Map.of());
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).contains("9");
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", tight.server.grpcPort()).usePlaintext().build();
      try {
        assertThatThrownBy(() -> TraceServiceGrpc.newBlockingStub(channel).export(request(u, span(u, 1), span(u, 2))))
            .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
              com.google.rpc.Status s = StatusProto.fromThrowable(e);
              assertThat(s.getDetailsList()).anySatisfy(d -> {
                assertThat(d.is(RetryInfo.class)).isTrue();
                try {
                  assertThat(d.unpack(RetryInfo.class).getRetryDelay().getSeconds()).isEqualTo(9);
                } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                  throw new AssertionError(ex);
                }
              });
            });
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(tight.count("spans", t)).isEqualTo(4);
      assertThat(tight.count("spans", u)).isZero();
    }
  }

  @Test
  void storeUnavailable_is503WithRetryAfter_andTheRetryIsStored() throws Exception {
    try (IngestHarness broken = new IngestHarness("otlp_unavailable", Map.of("sightline.ingest.retry-after", "4s"),
        ApiKeys.open())) {
      broken.gateway.execute(io.sightline.clickhouse.Statement.of("break", "RENAME TABLE spans TO spans_gone"));
      String t = newTraceId();
      byte[] body = request(t, span(t, 1), span(t, 2)).toByteArray();
      HttpResponse<byte[]> r = broken.post("/v1/traces", PROTO, body, Map.of());
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).contains("4");
      broken.gateway.execute(io.sightline.clickhouse.Statement.of("mend", "RENAME TABLE spans_gone TO spans"));
      assertThat(broken.post("/v1/traces", PROTO, body, Map.of()).statusCode()).isEqualTo(200);
      assertThat(broken.count("spans", t)).isEqualTo(2);
    }
  }
}
