package io.sightline.extension.genai;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.sightline.extension.genai.GenAiAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InferenceTest {
  @BeforeEach
  void reset() {
    TestTelemetry.reset();
  }

  private static InferenceRequest chat(String model) {
    return new InferenceRequest(InferenceRequest.CHAT, "openai").model(model).serverUrl("https://api.openai.com/v1")
        .temperature(0.5).maxTokens(100L).stopSequences(Arrays.asList("END"));
  }

  private static InferenceResult result() {
    return new InferenceResult().responseId("r-1").responseModel("gpt-4o-mini-2024-07-18").finishReason("stop")
        .usage(120L, 8L).cacheTokens(100L, null).reasoningTokens(2L);
  }

  @Test
  void inference_startAndEnd_producesOneClientSpanWithRequestAndResponseAttributes() {
    Inference inference = Inference.start("test", chat("gpt-4o-mini"));
    inference.end(result(), null);

    List<SpanData> spans = TestTelemetry.spans.getFinishedSpanItems();
    assertThat(spans).hasSize(1);
    assertThat(spans.get(0)).hasName("chat gpt-4o-mini").hasKind(SpanKind.CLIENT)
        .hasAttribute(OPERATION_NAME, "chat").hasAttribute(PROVIDER_NAME, "openai")
        .hasAttribute(REQUEST_MODEL, "gpt-4o-mini").hasAttribute(SERVER_ADDRESS, "api.openai.com")
        .hasAttribute(SERVER_PORT, 443L).hasAttribute(REQUEST_TEMPERATURE, 0.5).hasAttribute(REQUEST_MAX_TOKENS, 100L)
        .hasAttribute(REQUEST_STOP_SEQUENCES, Arrays.asList("END"))
        .hasAttribute(RESPONSE_ID, "r-1").hasAttribute(RESPONSE_MODEL, "gpt-4o-mini-2024-07-18")
        .hasAttribute(RESPONSE_FINISH_REASONS, Arrays.asList("stop"))
        .hasAttribute(USAGE_INPUT_TOKENS, 120L).hasAttribute(USAGE_OUTPUT_TOKENS, 8L)
        .hasAttribute(USAGE_CACHE_READ_INPUT_TOKENS, 100L).hasAttribute(USAGE_REASONING_OUTPUT_TOKENS, 2L);
    assertThat(spans.get(0).getAttributes().get(REQUEST_STREAM)).isNull();
  }

  @Test
  void end_calledTwice_endsOnce() {
    Inference inference = Inference.start("test", chat("m"));
    inference.end(result(), null);
    inference.end(null, new IllegalStateException("late"));

    assertThat(TestTelemetry.spans.getFinishedSpanItems()).singleElement()
        .satisfies(s -> assertThat(s.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET));
  }

  @Test
  void end_withError_setsErrorTypeStatusAndException() {
    Inference inference = Inference.start("test", chat("m"));
    inference.end(null, new java.util.concurrent.CompletionException(new IOException("boom")));

    SpanData span = TestTelemetry.spans.getFinishedSpanItems().get(0);
    assertThat(span).hasAttribute(ERROR_TYPE, "java.io.IOException");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
  }

  @Test
  void nestedInference_enrichesTheOuterOne_soThereIsOneSpanAndOneMetricPoint() {
    Inference framework = Inference.start("framework", new InferenceRequest(InferenceRequest.CHAT, "openai").model("m").stream(true));
    try (Scope ignored = framework.makeCurrent()) {
      Inference sdk = Inference.start("sdk", chat("m"));
      sdk.firstChunk();
      sdk.end(result(), null);
      Inference second = Inference.start("sdk", chat("m"));
      second.end(result(), null);
    }
    framework.end(new InferenceResult().usage(1L, 1L).finishReason("STOP"), null);

    List<SpanData> spans = TestTelemetry.spans.getFinishedSpanItems();
    assertThat(spans).singleElement().satisfies(span -> assertThat(span)
        .hasAttribute(SERVER_ADDRESS, "api.openai.com")
        .hasAttribute(RESPONSE_ID, "r-1")
        .hasAttribute(USAGE_INPUT_TOKENS, 240L)
        .hasAttribute(USAGE_CACHE_READ_INPUT_TOKENS, 200L)
        .hasAttribute(RESPONSE_FINISH_REASONS, Arrays.asList("STOP")));
    assertThat(spans.get(0).getAttributes().get(RESPONSE_TIME_TO_FIRST_CHUNK)).isNotNull();
    assertThat(durationPoints()).hasSize(1).allSatisfy(p -> assertThat(p.getCount()).isEqualTo(1));
  }

  @Test
  void callOfTheSameLibrary_madeWhileAnotherIsCurrent_isACallOfItsOwn() {
    Inference first = Inference.start("sdk", chat("m"));
    Inference chained;
    try (Scope ignored = first.makeCurrent()) {
      // An async completion callback running in the first call's context starts the next call.
      chained = Inference.start("sdk", chat("m"));
    }
    first.end(result(), null);
    chained.end(result(), null);

    assertThat(TestTelemetry.spans.getFinishedSpanItems()).hasSize(2);
    assertThat(durationPoints()).singleElement().satisfies(p -> assertThat(p.getCount()).isEqualTo(2));
  }

  @Test
  void inference_underAnAgentWithConversation_inheritsTheConversationId() {
    GenAiOperation agent = GenAiOperation.startAgent("test", "Assistant", "conv-1");
    try (Scope ignored = agent.makeCurrent()) {
      Inference.start("test", chat("m")).end(result(), null);
    }
    agent.end(null, null, null);

    assertThat(TestTelemetry.spans.getFinishedSpanItems()).extracting(SpanData::getName)
        .containsExactly("chat m", "invoke_agent Assistant");
    assertThat(TestTelemetry.spans.getFinishedSpanItems())
        .allSatisfy(s -> assertThat(s).hasAttribute(CONVERSATION_ID, "conv-1"));
  }

  @Test
  void toolOperation_insideTheSameTool_doesNotNest() {
    GenAiOperation outer = GenAiOperation.startTool("test", "lookup", "call-1", "{}");
    try (Scope ignored = outer.makeCurrent()) {
      assertThat(GenAiOperation.startTool("test", "lookup", null, "{}")).isNull();
    }
    outer.end("ok", null, "tool_error");

    assertThat(TestTelemetry.spans.getFinishedSpanItems()).singleElement().satisfies(s -> assertThat(s)
        .hasName("execute_tool lookup").hasKind(SpanKind.INTERNAL).hasAttribute(TOOL_CALL_ID, "call-1")
        .hasAttribute(ERROR_TYPE, "tool_error"));
  }

  @Test
  void metrics_recordDurationAndTokensWithLowCardinalityAttributes() {
    Inference.start("test", chat("gpt-4o-mini")).end(result(), null);

    Collection<MetricData> metrics = TestTelemetry.metrics.collectAllMetrics();
    assertThat(metrics).extracting(MetricData::getName)
        .contains("gen_ai.client.operation.duration", "gen_ai.client.token.usage");
    MetricData tokens = metrics.stream().filter(m -> m.getName().equals("gen_ai.client.token.usage")).findFirst().get();
    assertThat(tokens.getHistogramData().getPoints()).extracting(p -> p.getAttributes().get(TOKEN_TYPE))
        .containsExactlyInAnyOrder("input", "output");
    assertThat(tokens.getHistogramData().getPoints()).allSatisfy(p -> {
      assertThat(p.getAttributes().get(RESPONSE_MODEL)).isEqualTo("gpt-4o-mini-2024-07-18");
      assertThat(p.getAttributes().get(RESPONSE_ID)).isNull();
    });
  }

  private static List<HistogramPointData> durationPoints() {
    return TestTelemetry.metrics.collectAllMetrics().stream()
        .filter(m -> m.getName().equals("gen_ai.client.operation.duration"))
        .flatMap(m -> m.getHistogramData().getPoints().stream()).toList();
  }
}
