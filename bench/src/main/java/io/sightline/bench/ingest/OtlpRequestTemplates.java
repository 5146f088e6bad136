package io.sightline.bench.ingest;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Serialized OTLP export requests of realistic GenAI agent traces (an invoke_agent root, a
 * retrieval, LLM calls with ≈ 1 KB of input/output messages, tool calls, ≈ 30 attributes each),
 * built once. Every trace id starts with a marker, so each send can stamp fresh trace ids into a
 * copy of the bytes (a memory copy, not a rebuild): the load generator measures the server, not
 * its own protobuf encoding, and no span is a re-send that deduplication would drop.
 */
final class OtlpRequestTemplates {
  private static final long MARKER = 0x5157_4c49_4e45_0000L; // "SIGHTLINE"-ish, low 2 bytes free
  private static final String[] WORDS = ("order delivery refund policy weather shipping warehouse "
      + "customer package tracking invoice payment address delay support agent question answer "
      + "please thank you status estimate arrival carrier express").split(" ");

  record Template(byte[] bytes, int[] traceIdOffsets, int spans) {}

  private final List<Template> templates = new ArrayList<>();
  private final SplittableRandom random = new SplittableRandom(11);

  OtlpRequestTemplates(int count, int tracesPerRequest) {
    for (int i = 0; i < count; i++) {
      templates.add(build(i, tracesPerRequest));
    }
  }

  Template get(int i) {
    return templates.get(i % templates.size());
  }

  /** A copy of the template with every trace id made unique for {@code sequence}. */
  static byte[] stamp(Template t, long sequence) {
    byte[] copy = t.bytes.clone();
    ByteBuffer b = ByteBuffer.wrap(copy);
    for (int i = 0; i < t.traceIdOffsets.length; i++) {
      // bytes 8..15 of the trace id: the send's sequence and the trace's position in it
      b.putLong(t.traceIdOffsets[i] + 8, (sequence << 16) | (i / 8));
    }
    return copy;
  }

  private Template build(int index, int traces) {
    List<Span> spans = new ArrayList<>();
    long t0 = 1_795_780_000_000_000_000L + index * 1_000_000_000L;
    for (int t = 0; t < traces; t++) {
      byte[] traceId = ByteBuffer.allocate(16).putLong(MARKER | index).putLong(t).array();
      ByteString tid = ByteString.copyFrom(traceId);
      ByteString root = spanId();
      long start = t0 + t * 10_000_000L;
      String session = "sess-" + random.nextInt(1000);
      spans.add(span(tid, root, ByteString.EMPTY, "invoke_agent support", start, 4_000_000_000L,
          List.of(kv("gen_ai.operation.name", "invoke_agent"), kv("gen_ai.agent.name", "support"),
              kv("gen_ai.conversation.id", session), kv("user.id", "user-" + random.nextInt(200)))));
      long at = start + 5_000_000L;
      spans.add(span(tid, spanId(), root, "retrieve policies", at, 40_000_000L, List.of(
          kv("openinference.span.kind", "RETRIEVER"), kv("input.value", words(20)),
          kv("retrieval.documents.0.document.content", words(60)))));
      for (int step = 0; step < 3; step++) {
        at += 50_000_000L;
        boolean gpt4o = random.nextInt(4) == 0;
        String model = gpt4o ? "gpt-4o" : "gpt-4o-mini";
        spans.add(span(tid, spanId(), root, "chat " + model, at, 700_000_000L, llmAttributes(model)));
        at += 710_000_000L;
        spans.add(span(tid, spanId(), root, "execute_tool get_order_status", at, 30_000_000L, List.of(
            kv("gen_ai.operation.name", "execute_tool"), kv("gen_ai.tool.name", "get_order_status"),
            kv("gen_ai.tool.call.id", "call_" + random.nextInt(1_000_000)),
            kv("gen_ai.tool.call.arguments", "{\"order_id\":\"" + random.nextInt(99999) + "\"}"),
            kv("gen_ai.tool.call.result", "{\"status\":\"shipped\",\"eta\":\"2 days\"}"))));
      }
    }
    ExportTraceServiceRequest req = ExportTraceServiceRequest.newBuilder().addResourceSpans(
        ResourceSpans.newBuilder().setResource(Resource.newBuilder()
                .addAttributes(kv("service.name", "load-agent-" + index % 5))
                .addAttributes(kv("service.version", "1.4." + index % 3))
                .addAttributes(kv("deployment.environment.name", "production"))
                .addAttributes(kv("telemetry.sdk.language", "java"))
                .addAttributes(kv("telemetry.sdk.name", "opentelemetry"))
                .addAttributes(kv("telemetry.sdk.version", "1.65.0"))
                .addAttributes(kv("host.name", "ip-10-0-0-" + index % 250)))
            .addScopeSpans(ScopeSpans.newBuilder()
                .setScope(InstrumentationScope.newBuilder().setName("io.sightline.openai").setVersion("0.1.0"))
                .addAllSpans(spans)))
        .build();
    byte[] bytes = req.toByteArray();
    return new Template(bytes, markerOffsets(bytes, index), spans.size());
  }

  private static int[] markerOffsets(byte[] bytes, int index) {
    byte[] marker = ByteBuffer.allocate(8).putLong(MARKER | index).array();
    List<Integer> offsets = new ArrayList<>();
    outer:
    for (int i = 0; i + 16 <= bytes.length; i++) {
      for (int j = 0; j < 8; j++) {
        if (bytes[i + j] != marker[j]) {
          continue outer;
        }
      }
      offsets.add(i);
    }
    return offsets.stream().mapToInt(Integer::intValue).toArray();
  }

  private List<KeyValue> llmAttributes(String model) {
    long input = 400 + random.nextInt(3000);
    long output = 30 + random.nextInt(400);
    List<KeyValue> a = new ArrayList<>(List.of(
        kv("gen_ai.operation.name", "chat"), kv("gen_ai.provider.name", "openai"),
        kv("gen_ai.request.model", model), kv("gen_ai.response.model", model + "-2024-08-06"),
        kv("gen_ai.response.id", "chatcmpl-" + Long.toHexString(random.nextLong())),
        kv("gen_ai.request.temperature", 0.2), kv("gen_ai.request.max_tokens", 1024L),
        kv("gen_ai.usage.input_tokens", input), kv("gen_ai.usage.output_tokens", output),
        kv("gen_ai.usage.cache_read.input_tokens", input / 3),
        kv("server.address", "api.openai.com"), kv("server.port", 443L),
        kv("gen_ai.input.messages", "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"You are a support agent.\"}]},"
            + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + words(110) + "\"}]}]"),
        kv("gen_ai.output.messages", "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\""
            + words(40) + "\"}],\"finish_reason\":\"stop\"}]")));
    for (int i = a.size(); i < 30; i++) {
      a.add(kv("app.attr." + i, words(2)));
    }
    return a;
  }

  private Span span(ByteString traceId, ByteString spanId, ByteString parent, String name, long start,
      long duration, List<KeyValue> attributes) {
    return Span.newBuilder().setTraceId(traceId).setSpanId(spanId).setParentSpanId(parent).setName(name)
        .setKind(Span.SpanKind.SPAN_KIND_CLIENT).setStartTimeUnixNano(start).setEndTimeUnixNano(start + duration)
        .addAllAttributes(attributes).setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK))
        .build();
  }

  private ByteString spanId() {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(random.nextLong() | 1).array());
  }

  private String words(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  private static KeyValue kv(String k, String v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setStringValue(v)).build();
  }

  private static KeyValue kv(String k, long v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setIntValue(v)).build();
  }

  private static KeyValue kv(String k, double v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setDoubleValue(v)).build();
  }
}
