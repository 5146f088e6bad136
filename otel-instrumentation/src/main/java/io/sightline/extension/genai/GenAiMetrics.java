package io.sightline.extension.genai;

import static io.sightline.extension.genai.GenAiAttributes.*;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.Arrays;
import java.util.List;

/**
 * GenAI client metrics with the semantic conventions' bucket advice and low-cardinality attributes
 * only (never ids, never session ids): {@code gen_ai.client.operation.duration},
 * {@code gen_ai.client.token.usage} and {@code gen_ai.client.operation.time_to_first_chunk}.
 */
final class GenAiMetrics {
  private static final List<Double> SECONDS = Arrays.asList(
      0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
  private static final List<Long> TOKENS = Arrays.asList(
      1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L, 4194304L, 16777216L, 67108864L);
  private static volatile GenAiMetrics instance;

  private final DoubleHistogram duration;
  private final DoubleHistogram timeToFirstChunk;
  private final LongHistogram tokens;

  private GenAiMetrics(Meter meter) {
    duration = meter.histogramBuilder("gen_ai.client.operation.duration")
        .setDescription("GenAI operation duration").setUnit("s")
        .setExplicitBucketBoundariesAdvice(SECONDS).build();
    timeToFirstChunk = meter.histogramBuilder("gen_ai.client.operation.time_to_first_chunk")
        .setDescription("Time from request to the first streamed chunk").setUnit("s")
        .setExplicitBucketBoundariesAdvice(SECONDS).build();
    tokens = meter.histogramBuilder("gen_ai.client.token.usage").ofLongs()
        .setDescription("Number of input and output tokens used").setUnit("{token}")
        .setExplicitBucketBoundariesAdvice(TOKENS).build();
  }

  private static GenAiMetrics get() {
    GenAiMetrics m = instance;
    if (m == null) {
      synchronized (GenAiMetrics.class) {
        if (instance == null) {
          instance = new GenAiMetrics(GlobalOpenTelemetry.getMeterProvider()
              .meterBuilder("io.sightline.extension").setInstrumentationVersion(Inference.VERSION).build());
        }
        m = instance;
      }
    }
    return m;
  }

  static void record(InferenceRequest request, InferenceResult result, String errorType, double seconds, Double ttft) {
    GenAiMetrics m = get();
    AttributesBuilder b = Attributes.builder().put(OPERATION_NAME, request.operation);
    InferenceRequest.put(b, PROVIDER_NAME, request.provider);
    InferenceRequest.put(b, REQUEST_MODEL, request.model);
    InferenceRequest.put(b, SERVER_ADDRESS, request.serverAddress);
    InferenceRequest.put(b, SERVER_PORT, request.serverPort);
    if (result != null) {
      InferenceRequest.put(b, RESPONSE_MODEL, result.responseModel);
    }
    Attributes common = b.build();
    m.duration.record(seconds, errorType == null ? common : common.toBuilder().put(ERROR_TYPE, errorType).build());
    if (ttft != null) {
      m.timeToFirstChunk.record(ttft, common);
    }
    if (result != null && result.inputTokens != null) {
      m.tokens.record(result.inputTokens, common.toBuilder().put(TOKEN_TYPE, "input").build());
    }
    if (result != null && result.outputTokens != null) {
      m.tokens.record(result.outputTokens, common.toBuilder().put(TOKEN_TYPE, "output").build());
    }
  }
}
