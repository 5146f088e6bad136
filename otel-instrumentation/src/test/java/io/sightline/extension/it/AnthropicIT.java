package io.sightline.extension.it;

import static io.sightline.fakellm.Match.hasToolResults;
import static io.sightline.fakellm.Match.userSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.extension.it.OtlpReceiver.ReceivedSpan;
import io.sightline.extension.it.apps.AnthropicApp;
import io.sightline.fakellm.FakeLlmServer;
import io.sightline.fakellm.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** anthropic-java under the agent + extension (content capture on, indy advice), and without the agent. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnthropicIT {
  static final int SCENARIOS = 8;
  static final Duration FIRST_CHUNK_DELAY = Duration.ofMillis(250);

  private final OtlpReceiver otlp = new OtlpReceiver();
  private FakeLlmServer llm;
  private ItSupport run;
  private List<String> outputs;

  AnthropicIT() throws Exception {}

  static FakeLlmServer fake() {
    FakeLlmServer llm = FakeLlmServer.start();
    llm.on(userSays("[scenario=messages]"), Reply.text("Sure. Reach us at help@example.com.").withUsage(100, 7).withCache(60, 10));
    llm.on(userSays("[scenario=stream]"), Reply.text("one two three").withUsage(40, 6)
        .withStreamTiming(FIRST_CHUNK_DELAY, Duration.ofMillis(10)));
    llm.on(userSays("[scenario=async-stream]"), Reply.text("async stream").withStreamTiming(FIRST_CHUNK_DELAY, Duration.ZERO));
    llm.on(userSays("[scenario=tools]").and(hasToolResults().negate()), Reply.toolCall("get_weather", "{\"city\":\"Oslo\"}"));
    llm.on(userSays("[scenario=rate-limited]"), Reply.rateLimited(1));
    llm.on(userSays("[scenario=server-error]"), Reply.serverError());
    return llm;
  }

  @BeforeAll
  void runApp() throws Exception {
    llm = fake();
    outputs = new ChildJvm(AnthropicApp.class, "anthropic")
        .property("otel.instrumentation.genai.capture-message-content", "true")
        .property("otel.javaagent.experimental.indy", "true")
        .run(otlp, llm.baseUrl()).outputs();
    run = ItSupport.await(otlp, SCENARIOS);
  }

  @AfterAll
  void stop() {
    llm.close();
    otlp.close();
  }

  @Test
  void messages_haveInclusiveCacheUsageCostAndRedactedContent() {
    ReceivedSpan span = run.inference("messages");

    assertThat(span.name()).isEqualTo("chat claude-3-5-haiku-latest");
    assertThat(span.kind()).isEqualTo("CLIENT");
    assertThat(span.attr("gen_ai.provider.name")).isEqualTo("anthropic");
    assertThat(span.attr("gen_ai.request.max_tokens")).isEqualTo(200L);
    assertThat(span.attr("gen_ai.response.model")).isEqualTo("claude-3-5-haiku-20241022");
    assertThat(span.attr("gen_ai.response.finish_reasons")).isEqualTo(List.of("end_turn"));
    assertThat(span.attr("gen_ai.usage.input_tokens")).isEqualTo(100L);
    assertThat(span.attr("gen_ai.usage.cache_read.input_tokens")).isEqualTo(60L);
    assertThat(span.attr("gen_ai.usage.cache_creation.input_tokens")).isEqualTo(10L);
    assertThat(span.attr("gen_ai.usage.output_tokens")).isEqualTo(7L);
    assertThat(span.attr("session.id")).isEqualTo("sess-messages");
    // claude-3-5-haiku: $0.80 input, $0.08 cache read, $1.00 cache write, $4.00 output per million
    assertThat((Double) span.attr("sightline.cost.usd")).isCloseTo((30 * 0.80 + 60 * 0.08 + 10 * 1.00 + 7 * 4.00) / 1e6, within(1e-12));
    assertThat((String) span.attr("gen_ai.system_instructions")).isEqualTo("[{\"type\":\"text\",\"content\":\"You are terse.\"}]");
    assertThat((String) span.attr("gen_ai.input.messages")).startsWith("[{\"role\":\"user\"").doesNotContain("415 555 0100");
    assertThat((String) span.attr("gen_ai.output.messages")).contains("Sure. Reach us at").doesNotContain("help@example.com")
        .endsWith("\"finish_reason\":\"end_turn\"}]");
  }

  @ParameterizedTest
  @CsvSource({"stream", "async-stream"})
  void streams_recordTimeToFirstChunkAndEndOnce(String scenario) {
    ReceivedSpan span = run.inference(scenario);

    assertThat(span.attr("gen_ai.request.stream")).isEqualTo(true);
    assertThat((Double) span.attr("gen_ai.response.time_to_first_chunk"))
        .isBetween(FIRST_CHUNK_DELAY.toMillis() / 1000.0, FIRST_CHUNK_DELAY.toMillis() / 1000.0 + ItSupport.COLD_JVM_TOLERANCE_SECONDS);
    assertThat(span.attr("sightline.stream.end")).isEqualTo("completed");
    assertThat(span.attr("gen_ai.response.finish_reasons")).isEqualTo(List.of("end_turn"));
    assertThat((String) span.attr("gen_ai.response.id")).startsWith("msg_fake_");
  }

  @Test
  void stream_reportsInputUsageFromMessageStartAndOutputFromMessageDelta() {
    ReceivedSpan span = run.inference("stream");

    assertThat(span.attr("gen_ai.usage.input_tokens")).isEqualTo(40L);
    assertThat(span.attr("gen_ai.usage.output_tokens")).isEqualTo(6L);
    assertThat((String) span.attr("gen_ai.output.messages")).contains("one two three");
  }

  @Test
  void tools_recordToolUseAndToolResultContent() {
    List<ReceivedSpan> spans = run.genAi("tools");

    assertThat(spans).extracting(s -> s.attr("gen_ai.response.finish_reasons"))
        .containsExactlyInAnyOrder(List.of("tool_use"), List.of("end_turn"));
    assertThat(spans).anySatisfy(s -> assertThat((String) s.attr("gen_ai.input.messages"))
        .contains("\"type\":\"tool_call_response\",\"id\":\"toolu_fake_").contains("cloudy, 12C"));
    assertThat(spans).anySatisfy(s -> assertThat((String) s.attr("gen_ai.tool.definitions")).contains("get_weather"));
  }

  @ParameterizedTest
  @CsvSource({
      "rate-limited, com.anthropic.errors.RateLimitException",
      "server-error, com.anthropic.errors.InternalServerException"})
  void failures_setErrorType(String scenario, String errorType) {
    ReceivedSpan span = run.inference(scenario);

    assertThat(span.attr("error.type")).isEqualTo(errorType);
    assertThat(span.status()).isEqualTo("STATUS_CODE_ERROR");
  }

  @Test
  void betaMessages_areInstrumented() {
    ReceivedSpan span = run.inference("beta");

    assertThat(span.name()).isEqualTo("chat claude-sonnet-4-0");
    assertThat(span.attr("gen_ai.response.model")).isEqualTo("claude-sonnet-4-20250514");
    assertThat(span.attr("gen_ai.usage.input_tokens")).isNotNull();
  }

  @Test
  void outputsAndExceptions_areTheSameWithoutTheAgent() throws Exception {
    try (FakeLlmServer baseline = fake(); OtlpReceiver sink = new OtlpReceiver()) {
      List<String> without = new ChildJvm(AnthropicApp.class, "anthropic").withoutAgent().run(sink, baseline.baseUrl()).outputs();

      assertThat(outputs).hasSize(SCENARIOS).isEqualTo(without);
    }
  }
}
