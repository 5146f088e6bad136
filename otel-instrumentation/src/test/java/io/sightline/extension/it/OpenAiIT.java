package io.sightline.extension.it;

import static io.sightline.fakellm.Match.hasToolResults;
import static io.sightline.fakellm.Match.userSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.extension.it.OtlpReceiver.ReceivedSpan;
import io.sightline.extension.it.apps.OpenAiApp;
import io.sightline.fakellm.FakeLlmServer;
import io.sightline.fakellm.LlmRequest;
import io.sightline.fakellm.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * openai-java under the real agent + extension, against the fake server: one child JVM runs every
 * scenario (default settings, JDK of the build, openai-java 4.49), a second one runs them with
 * content capture, indy advice, JDK 17 and the oldest supported openai-java (4.0.0), a third one
 * without the extension for the behaviour comparison.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiIT {
  static final int SCENARIOS = 14;
  static final Duration FIRST_CHUNK_DELAY = Duration.ofMillis(300);

  private final OtlpReceiver otlp = new OtlpReceiver();
  private FakeLlmServer llm;
  private ItSupport run;
  private List<String> outputs;
  private List<LlmRequest> requests;

  OpenAiIT() throws Exception {}

  static FakeLlmServer fake() {
    FakeLlmServer llm = FakeLlmServer.start();
    llm.on(userSays("[scenario=chat]"), Reply.text("Hi Jane. Write to bob@example.org.").withUsage(120, 8).withCache(100, 0));
    llm.on(userSays("[scenario=stream]"), Reply.text("one two three four").withStreamTiming(FIRST_CHUNK_DELAY, Duration.ofMillis(10)));
    llm.on(userSays("[scenario=stream-usage]"), Reply.text("one two three four").withUsage(50, 10)
        .withStreamTiming(FIRST_CHUNK_DELAY, Duration.ofMillis(10)));
    llm.on(userSays("[scenario=stream-early-close]"), Reply.text("A very long story about a fake model.")
        .withChunks(8).withStreamTiming(Duration.ZERO, Duration.ofMillis(30)));
    llm.on(userSays("[scenario=async-stream]"), Reply.text("async chunks here").withStreamTiming(FIRST_CHUNK_DELAY, Duration.ZERO));
    llm.on(userSays("[scenario=tools]").and(hasToolResults().negate()), Reply.toolCall("get_weather", "{\"city\":\"Paris\"}"));
    llm.on(userSays("[scenario=truncated]"), Reply.truncated("Once upon a"));
    llm.on(userSays("[scenario=rate-limited]"), Reply.rateLimited(1));
    llm.on(userSays("[scenario=server-error]"), Reply.serverError());
    llm.on(userSays("[scenario=timeout]"), Reply.hang(Duration.ofSeconds(2)));
    return llm;
  }

  @BeforeAll
  void runApp() throws Exception {
    llm = fake();
    outputs = new ChildJvm(OpenAiApp.class, "openai").run(otlp, llm.baseUrl()).outputs();
    run = ItSupport.await(otlp, SCENARIOS);
    requests = llm.requests();
  }

  @AfterAll
  void stop() {
    llm.close();
    otlp.close();
  }

  @Test
  void chat_producesOneClientSpanWithRequestResponseUsageAndCost() {
    ReceivedSpan span = run.inference("chat");

    assertThat(span.name()).isEqualTo("chat gpt-4o-mini");
    assertThat(span.kind()).isEqualTo("CLIENT");
    assertThat(span.scope()).isEqualTo("io.sightline.extension.openai");
    assertThat(span.attr("gen_ai.operation.name")).isEqualTo("chat");
    assertThat(span.attr("gen_ai.provider.name")).isEqualTo("openai");
    assertThat(span.attr("gen_ai.request.model")).isEqualTo("gpt-4o-mini");
    assertThat(span.attr("gen_ai.request.temperature")).isEqualTo(0.2);
    assertThat(span.attr("gen_ai.request.max_tokens")).isEqualTo(64L);
    assertThat(span.attr("gen_ai.response.model")).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat((String) span.attr("gen_ai.response.id")).startsWith("chatcmpl-fake-");
    assertThat(span.attr("gen_ai.response.finish_reasons")).isEqualTo(List.of("stop"));
    assertThat(span.attr("gen_ai.usage.input_tokens")).isEqualTo(120L);
    assertThat(span.attr("gen_ai.usage.output_tokens")).isEqualTo(8L);
    assertThat(span.attr("gen_ai.usage.cache_read.input_tokens")).isEqualTo(100L);
    assertThat(span.attr("server.address")).isEqualTo("127.0.0.1");
    assertThat(span.attr("server.port")).isEqualTo((long) llm.port());
    // gpt-4o-mini: $0.15 input, $0.075 cached input, $0.60 output per million tokens
    assertThat((Double) span.attr("sightline.cost.usd")).isCloseTo((20 * 0.15 + 100 * 0.075 + 8 * 0.60) / 1e6, within(1e-12));
    assertThat(span.attr("gen_ai.request.stream")).isNull();
    assertThat(span.status()).isNotEqualTo("STATUS_CODE_ERROR");
  }

  @Test
  void chat_httpClientSpanIsChildOfInferenceSpan() {
    ReceivedSpan span = run.inference("chat");

    assertThat(run.children(span)).anySatisfy(child -> {
      assertThat(child.kind()).isEqualTo("CLIENT");
      assertThat(child.name()).isEqualTo("POST");
    });
  }

  @Test
  void sessionAndUser_comeFromBaggage_andNeverReachTheProvider() {
    ReceivedSpan span = run.inference("chat");

    assertThat(span.attr("session.id")).isEqualTo("sess-chat");
    assertThat(span.attr("user.id")).isEqualTo("user-7");
    assertThat(span.attr("gen_ai.conversation.id")).isEqualTo("sess-chat");
    assertThat(requests).isNotEmpty().allSatisfy(r -> {
      String baggage = r.header("baggage");
      assertThat(baggage == null ? "" : baggage).doesNotContain("session.id").doesNotContain("user.id");
    });
  }

  @Test
  void content_isAbsentByDefault() {
    assertThat(run.spans()).allSatisfy(s -> {
      assertThat(s.attributes()).doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages",
          "gen_ai.system_instructions");
    });
  }

  @Test
  void stream_recordsTimeToFirstChunkWithinTheInjectedDelay_andDoesNotAskForUsage() {
    ReceivedSpan span = run.inference("stream");

    assertThat(span.attr("gen_ai.request.stream")).isEqualTo(true);
    assertThat((Double) span.attr("gen_ai.response.time_to_first_chunk"))
        .isBetween(FIRST_CHUNK_DELAY.toMillis() / 1000.0, FIRST_CHUNK_DELAY.toMillis() / 1000.0 + ItSupport.COLD_JVM_TOLERANCE_SECONDS);
    assertThat(span.attr("sightline.stream.end")).isEqualTo("completed");
    assertThat(span.attr("gen_ai.response.finish_reasons")).isEqualTo(List.of("stop"));
    assertThat(span.attr("gen_ai.usage.input_tokens")).isNull();
    assertThat(requests).filteredOn(r -> r.lastUserText().contains("[scenario=stream]"))
        .singleElement().satisfies(r -> assertThat(r.json().has("stream_options")).isFalse());
  }

  @Test
  void streamWithUsage_recordsTokensAndCost() {
    ReceivedSpan span = run.inference("stream-usage");

    assertThat(span.attr("gen_ai.usage.input_tokens")).isEqualTo(50L);
    assertThat(span.attr("gen_ai.usage.output_tokens")).isEqualTo(10L);
    assertThat((Double) span.attr("sightline.cost.usd")).isCloseTo((50 * 0.15 + 10 * 0.60) / 1e6, within(1e-12));
  }

  @Test
  void streamClosedEarly_endsOnceAsClosed() {
    ReceivedSpan span = run.inference("stream-early-close");

    assertThat(span.attr("sightline.stream.end")).isEqualTo("closed");
    assertThat(span.attr("gen_ai.response.time_to_first_chunk")).isNotNull();
  }

  @ParameterizedTest
  @CsvSource({"async, false", "async-stream, true"})
  void async_endsWhenTheFutureOrStreamCompletes(String scenario, boolean streaming) {
    ReceivedSpan span = run.inference(scenario);

    assertThat(span.attr("gen_ai.response.finish_reasons")).isEqualTo(List.of("stop"));
    if (streaming) {
      assertThat((Double) span.attr("gen_ai.response.time_to_first_chunk")).isGreaterThanOrEqualTo(0.3);
      assertThat(span.attr("sightline.stream.end")).isEqualTo("completed");
    } else {
      assertThat(span.attr("gen_ai.usage.input_tokens")).isNotNull();
    }
  }

  @Test
  void tools_produceOneSpanPerRoundTrip_withToolCallsFinishReason() {
    List<ReceivedSpan> spans = run.genAi("tools");

    assertThat(spans).hasSize(2);
    assertThat(spans).extracting(s -> s.attr("gen_ai.response.finish_reasons"))
        .containsExactlyInAnyOrder(List.of("tool_calls"), List.of("stop"));
  }

  @ParameterizedTest
  @CsvSource({
      "rate-limited, com.openai.errors.RateLimitException",
      "server-error, com.openai.errors.InternalServerException",
      "timeout, com.openai.errors.OpenAIIoException"})
  void failures_setErrorTypeAndStatus(String scenario, String errorType) {
    ReceivedSpan span = run.inference(scenario);

    assertThat(span.attr("error.type")).isEqualTo(errorType);
    assertThat(span.status()).isEqualTo("STATUS_CODE_ERROR");
    assertThat(span.events()).contains("exception");
  }

  @Test
  void truncated_reportsLength() {
    assertThat(run.inference("truncated").attr("gen_ai.response.finish_reasons")).isEqualTo(List.of("length"));
  }

  @ParameterizedTest
  @CsvSource({"responses, false", "responses-stream, true"})
  void responsesApi_isInstrumented(String scenario, boolean streaming) {
    ReceivedSpan span = run.inference(scenario);

    assertThat(span.attr("openai.api.type")).isEqualTo("responses");
    assertThat((String) span.attr("gen_ai.response.id")).startsWith("resp_fake_");
    assertThat(span.attr("gen_ai.usage.input_tokens")).isNotNull();
    assertThat(span.attr("gen_ai.response.finish_reasons")).isEqualTo(List.of("stop"));
    assertThat(span.attr("gen_ai.request.stream")).isEqualTo(streaming ? true : null);
  }

  @Test
  void embeddings_useEmbeddingsOperation() {
    ReceivedSpan span = run.inference("embeddings");

    assertThat(span.name()).isEqualTo("embeddings text-embedding-3-small");
    assertThat(span.attr("gen_ai.operation.name")).isEqualTo("embeddings");
    assertThat(span.attr("gen_ai.usage.input_tokens")).isNotNull();
    assertThat(span.attr("gen_ai.embeddings.dimension.count")).isEqualTo(8L);
  }

  @Test
  void metrics_recordDurationTokensAndTimeToFirstChunk() {
    assertThat(run.metric("gen_ai.client.operation.duration", p -> "chat".equals(p.attributes().get("gen_ai.operation.name"))))
        .isNotEmpty().allSatisfy(p -> assertThat(p.unit()).isEqualTo("s"));
    assertThat(run.metric("gen_ai.client.operation.duration",
        p -> "com.openai.errors.RateLimitException".equals(p.attributes().get("error.type"))))
        .isNotEmpty().allSatisfy(p -> assertThat(p.count()).isEqualTo(1));
    assertThat(run.metric("gen_ai.client.token.usage", p -> "input".equals(p.attributes().get("gen_ai.token.type"))))
        .isNotEmpty();
    assertThat(run.metric("gen_ai.client.operation.time_to_first_chunk", p -> true)).isNotEmpty();
    assertThat(run.points()).allSatisfy(p -> assertThat(p.attributes()).doesNotContainKeys("session.id", "gen_ai.response.id"));
  }

  @Test
  void outputsAndExceptions_areTheSameWithoutTheExtension() throws Exception {
    // Baseline without the agent: the agent alone is not neutral, its upstream openai-java module
    // throws from close() of a stream closed before its finish chunk (OpenAIInvalidDataException).
    try (FakeLlmServer baseline = fake(); OtlpReceiver sink = new OtlpReceiver()) {
      List<String> without = new ChildJvm(OpenAiApp.class, "openai").withoutAgent().run(sink, baseline.baseUrl()).outputs();

      assertThat(outputs).hasSize(SCENARIOS).isEqualTo(without);
    }
  }

  @Test
  void contentCapture_indyMode_jdk17_oldestSdk_recordsRedactedContent() throws Exception {
    Path compat = Path.of(System.getProperty("sightline.compat.dir"), "openai-min");
    try (FakeLlmServer fake = fake(); OtlpReceiver sink = new OtlpReceiver();
         Stream<Path> jars = Files.list(compat)) {
      ChildJvm jvm = new ChildJvm(OpenAiApp.class, "openai")
          .property("otel.instrumentation.genai.capture-message-content", "true")
          .property("otel.javaagent.experimental.indy", "true")
          .javaHome(ChildJvm.JDK17);
      jars.forEach(jar -> jvm.swapJar(jar.getFileName().toString().replaceAll("\\d.*$", ""), jar));
      List<String> captured = jvm.run(sink, fake.baseUrl()).outputs();
      ItSupport content = ItSupport.await(sink, SCENARIOS);

      assertThat(captured).isEqualTo(outputs);
      ReceivedSpan chat = content.inference("chat");
      assertThat((String) chat.attr("gen_ai.input.messages"))
          .startsWith("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"[scenario=chat] Hello, my email is ")
          .doesNotContain("jane@example.com");
      assertThat((String) chat.attr("gen_ai.output.messages"))
          .startsWith("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hi Jane. Write to ")
          .endsWith("\"finish_reason\":\"stop\"}]")
          .doesNotContain("bob@example.org");
      assertThat((String) content.inference("responses").attr("gen_ai.system_instructions"))
          .isEqualTo("[{\"type\":\"text\",\"content\":\"Be terse.\"}]");
      assertThat((String) content.genAi("tools").get(0).attr("gen_ai.tool.definitions")).contains("\"name\":\"get_weather\"");
      assertThat((String) content.inference("stream").attr("gen_ai.output.messages")).contains("one two three four");
      assertThat(content.inference("stream").attr("gen_ai.response.time_to_first_chunk")).isNotNull();
    }
  }
}
