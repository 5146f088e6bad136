package io.sightline.extension.genai;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** One in-memory OpenTelemetry SDK per test JVM, installed as the global the helpers use. */
final class TestTelemetry {
  static final InMemorySpanExporter spans = InMemorySpanExporter.create();
  static final InMemoryMetricReader metrics = InMemoryMetricReader.createDelta();

  static {
    GlobalOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.set(OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
        .build());
  }

  private TestTelemetry() {}

  static void reset() {
    spans.reset();
    metrics.collectAllMetrics();
  }
}
