package io.sightline.extension.genai;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.sightline.extension.genai.GenAiAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamStateTest {
  @BeforeEach
  void reset() {
    TestTelemetry.reset();
  }

  /** Counts chunks; "meta" chunks are not output. */
  static final class Counting implements ChunkHandler<String> {
    int chunks;

    @Override
    public boolean isOutput(String chunk) {
      return !chunk.equals("meta");
    }

    @Override
    public void onChunk(String chunk) {
      chunks++;
    }

    @Override
    public InferenceResult result() {
      return new InferenceResult().usage(1L, (long) chunks);
    }
  }

  private static StreamState<String> stream() {
    return new StreamState<>(Inference.start("test", new InferenceRequest("chat", "openai").model("m").stream(true)), new Counting());
  }

  private static SpanData onlySpan() {
    List<SpanData> spans = TestTelemetry.spans.getFinishedSpanItems();
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  @Test
  void wrappedStream_consumedToTheEnd_endsCompletedWithTimeToFirstOutputChunk() throws Exception {
    StreamState<String> state = stream();
    Thread.sleep(20);

    List<String> seen = state.wrap(Stream.of("meta", "a", "b")).toList();

    assertThat(seen).containsExactly("meta", "a", "b");
    SpanData span = onlySpan();
    assertThat(span).hasAttribute(SIGHTLINE_STREAM_END, "completed").hasAttribute(REQUEST_STREAM, true)
        .hasAttribute(USAGE_OUTPUT_TOKENS, 3L);
    assertThat(span.getAttributes().get(RESPONSE_TIME_TO_FIRST_CHUNK)).isGreaterThanOrEqualTo(0.02);
  }

  @Test
  void wrappedStream_closedEarly_endsClosedOnce() {
    StreamState<String> state = stream();
    try (Stream<String> s = state.wrap(Stream.of("a", "b", "c"))) {
      assertThat(s.findFirst()).hasValue("a");
    }
    state.complete();

    assertThat(onlySpan()).hasAttribute(SIGHTLINE_STREAM_END, "closed");
  }

  @Test
  void wrappedStream_userCallbackThrows_isNotAnLlmError() {
    StreamState<String> state = stream();
    Stream<String> s = state.wrap(Stream.of("a", "b"));

    assertThatThrownBy(() -> s.forEach(c -> {
      throw new IllegalStateException("user bug");
    })).isInstanceOf(IllegalStateException.class);
    s.close();

    assertThat(onlySpan()).hasAttribute(SIGHTLINE_STREAM_END, "closed");
    assertThat(onlySpan().getAttributes().get(ERROR_TYPE)).isNull();
  }

  @Test
  void wrappedStream_sourceFails_endsWithErrorAndRethrows() {
    StreamState<String> state = stream();
    Stream<String> failing = Stream.of("a", "b").map(c -> {
      if (c.equals("b")) {
        throw new IllegalArgumentException("broken chunk");
      }
      return c;
    });

    assertThatThrownBy(() -> state.wrap(failing).toList()).isInstanceOf(IllegalArgumentException.class);

    assertThat(onlySpan()).hasAttribute(SIGHTLINE_STREAM_END, "error")
        .hasAttribute(ERROR_TYPE, "java.lang.IllegalArgumentException");
  }

  @Test
  void cancelledThenCompletedConcurrently_endsExactlyOnce() throws Exception {
    StreamState<String> state = stream();
    Thread a = new Thread(state::cancelled);
    Thread b = new Thread(state::complete);
    a.start();
    b.start();
    a.join();
    b.join();

    assertThat(TestTelemetry.spans.getFinishedSpanItems()).hasSize(1);
  }

  @Test
  void future_completedOrCancelled_endsTheInferenceAndReturnsTheSameFuture() {
    CompletableFuture<String> ok = new CompletableFuture<>();
    CompletableFuture<String> cancelled = new CompletableFuture<>();

    assertThat(Futures.endOnCompletion(ok, Inference.start("t", new InferenceRequest("chat", "x")),
        v -> new InferenceResult().responseId(v))).isSameAs(ok);
    Futures.endOnCompletion(cancelled, Inference.start("t", new InferenceRequest("chat", "x")), v -> null);
    ok.complete("id-9");
    cancelled.cancel(true);

    assertThat(TestTelemetry.spans.getFinishedSpanItems()).extracting(s -> s.getAttributes().get(RESPONSE_ID) == null
        ? s.getAttributes().get(ERROR_TYPE) : s.getAttributes().get(RESPONSE_ID)).containsExactly("id-9", "cancelled");
  }
}
