package io.sightline.extension.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** A minimal OTLP/HTTP (protobuf) receiver for traces and metrics. */
final class OtlpReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<ReceivedSpan> spans = new ArrayList<>();
  private final List<ReceivedPoint> points = new ArrayList<>();

  /** A span with its attributes flattened to Java values (String, Long, Double, Boolean, List). */
  record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, String kind,
                      String scope, Map<String, Object> attributes, String status, String statusMessage,
                      List<String> events, long endNanos) {
    Object attr(String key) {
      return attributes.get(key);
    }
  }

  /** One histogram data point of a metric. */
  record ReceivedPoint(String metric, String unit, Map<String, Object> attributes, long count, double sum) {}

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/v1/traces", this::traces);
    server.createContext("/v1/metrics", this::metrics);
    server.createContext("/v1/logs", ex -> {
      body(ex);
      answer(ex);
    });
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  synchronized List<ReceivedPoint> points() {
    return List.copyOf(points);
  }

  synchronized void clear() {
    spans.clear();
    points.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void traces(HttpExchange exchange) throws IOException {
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body(exchange));
    List<ReceivedSpan> received = new ArrayList<>();
    for (ResourceSpans rs : request.getResourceSpansList()) {
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (Span s : ss.getSpansList()) {
          received.add(new ReceivedSpan(hex(s.getTraceId().toByteArray()), hex(s.getSpanId().toByteArray()),
              hex(s.getParentSpanId().toByteArray()), s.getName(), s.getKind().name().replace("SPAN_KIND_", ""),
              ss.getScope().getName(), attributes(s.getAttributesList()), s.getStatus().getCode().name(),
              s.getStatus().getMessage(), s.getEventsList().stream().map(Span.Event::getName).toList(),
              s.getEndTimeUnixNano()));
        }
      }
    }
    synchronized (this) {
      spans.addAll(received);
    }
    answer(exchange);
  }

  private void metrics(HttpExchange exchange) throws IOException {
    ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body(exchange));
    List<ReceivedPoint> received = new ArrayList<>();
    for (ResourceMetrics rm : request.getResourceMetricsList()) {
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        for (Metric m : sm.getMetricsList()) {
          if (m.hasHistogram()) {
            for (HistogramDataPoint p : m.getHistogram().getDataPointsList()) {
              received.add(new ReceivedPoint(m.getName(), m.getUnit(), attributes(p.getAttributesList()), p.getCount(), p.getSum()));
            }
          }
        }
      }
    }
    synchronized (this) {
      points.addAll(received);
    }
    answer(exchange);
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("content-encoding"))) {
      in = new GZIPInputStream(in);
    }
    try (InputStream body = in) {
      return body.readAllBytes();
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("content-type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  private static Map<String, Object> attributes(List<KeyValue> kvs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (KeyValue kv : kvs) {
      out.put(kv.getKey(), value(kv.getValue()));
    }
    return out;
  }

  private static Object value(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case INT_VALUE -> v.getIntValue();
      case DOUBLE_VALUE -> v.getDoubleValue();
      case BOOL_VALUE -> v.getBoolValue();
      case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(OtlpReceiver::value).toList();
      default -> v.toString();
    };
  }

  private static String hex(byte[] bytes) {
    return bytes.length == 0 ? "" : HexFormat.of().formatHex(bytes);
  }
}
