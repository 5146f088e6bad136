package io.sightline.extension.it;

import static io.sightline.fakellm.Match.hasToolResults;
import static io.sightline.fakellm.Match.userSays;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.extension.it.OtlpReceiver.ReceivedSpan;
import io.sightline.extension.it.apps.SpringAiApp;
import io.sightline.fakellm.FakeLlmServer;
import io.sightline.fakellm.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Spring AI 2 over openai-java: the framework span is the one inference span, enriched by the SDK
 * level (server address, response id, first chunk) — never a second span from the SDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringAiIT {
  static final int SCENARIOS = 6;
  static final Duration FIRST_CHUNK_DELAY = Duration.ofMillis(250);

  private final OtlpReceiver otlp = new OtlpReceiver();
  private FakeLlmServer llm;
  private ItSupport run;
  private List<String> outputs;

  SpringAiIT() throws Exception {}

  static FakeLlmServer fake() {
    FakeLlmServer llm = FakeLlmServer.start();
    llm.on(userSays("[scenario=call]"), Reply.text("Hello from Spring AI").withUsage(40, 6));
    llm.on(userSays("[scenario=stream]"), Reply.text("one two three").withStreamTiming(FIRST_CHUNK_DELAY, Duration.ofMillis(5)));
    llm.on(userSays("[scenario=tools]").and(hasToolResults().negate()),
        Reply.toolCall("getWeather", "{\"city\":\"Lisbon\"}").withUsage(50, 10));
    llm.on(userSays("[scenario=tools]"), Reply.text("It is windy.").withUsage(70, 5));
    llm.on(userSays("[scenario=server-error]"), Reply.serverError());
    llm.once(userSays("[scenario=stream-retry]"), Reply.serverError());
    llm.on(userSays("[scenario=stream-retry]"), Reply.text("second try"));
    return llm;
  }

  @BeforeAll
  void runApp() throws Exception {
    llm = fake();
    outputs = new ChildJvm(SpringAiApp.class, "spring-ai", "openai").run(otlp, llm.baseUrl()).outputs();
    run = ItSupport.await(otlp, SCENARIOS);
  }

  @AfterAll
  void stop() {
    llm.close();
    otlp.close();
  }

  @Test
  void call_isOneFrameworkSpanEnrichedByTheSdk() {
    ReceivedSpan span = run.inference("call");

    assertThat(span.name()).isEqualTo("chat gpt-4o-mini");
    assertThat(span.kind()).isEqualTo("CLIENT");
    assertThat(span.scope()).isEqualTo("io.sightline.extension.spring-ai");
    assertThat(span.attr("gen_ai.provider.name")).isEqualTo("openai");
    assertThat(span.attr("gen_ai.request.temperature")).isEqualTo(0.4);
    assertThat(span.attr("server.address")).isEqualTo("127.0.0.1");
    assertThat((String) span.attr("gen_ai.response.id")).startsWith("chatcmpl-fake-");
    assertThat(span.attr("gen_ai.response.model")).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(span.attr("gen_ai.usage.input_tokens")).isEqualTo(40L);
    assertThat(span.attr("gen_ai.usage.output_tokens")).isEqualTo(6L);
    assertThat(span.attr("sightline.cost.usd")).isNotNull();
    assertThat(run.spans()).noneMatch(s -> s.scope().equals("io.sightline.extension.openai"));
  }

  @Test
  void stream_isOneSpanWithTimeToFirstChunk() {
    ReceivedSpan span = run.inference("stream");

    assertThat(span.attr("gen_ai.request.stream")).isEqualTo(true);
    assertThat((Double) span.attr("gen_ai.response.time_to_first_chunk"))
        .isBetween(FIRST_CHUNK_DELAY.toMillis() / 1000.0, FIRST_CHUNK_DELAY.toMillis() / 1000.0 + ItSupport.COLD_JVM_TOLERANCE_SECONDS);
    assertThat(span.attr("sightline.stream.end")).isEqualTo("completed");
  }

  @Test
  void streamRetried_eachSubscriptionIsAnInferenceOfItsOwn() {
    List<ReceivedSpan> calls = run.genAi("stream-retry");

    assertThat(calls).extracting(ReceivedSpan::status)
        .containsExactlyInAnyOrder("STATUS_CODE_ERROR", "STATUS_CODE_UNSET");
    assertThat(calls).filteredOn(c -> c.status().equals("STATUS_CODE_ERROR"))
        .singleElement().satisfies(c -> assertThat(c.attr("error.type")).isNotNull());
    assertThat(calls).filteredOn(c -> c.status().equals("STATUS_CODE_UNSET"))
        .singleElement().satisfies(c -> assertThat(c.attr("sightline.stream.end")).isEqualTo("completed"));
    assertThat(outputs).contains("OUT stream-retry: second try");
  }

  @Test
  void tools_chatClientRoundTrip_isTwoInferenceSpansAroundOneToolSpan() {
    List<ReceivedSpan> spans = run.genAi("tools");

    assertThat(spans).extracting(ReceivedSpan::name)
        .containsExactly("chat gpt-4o-mini", "execute_tool getWeather", "chat gpt-4o-mini");
    assertThat(spans.get(0).attr("gen_ai.response.finish_reasons")).isEqualTo(List.of("tool_calls"));
    assertThat(spans.get(0).attr("gen_ai.usage.input_tokens")).isEqualTo(50L);
    assertThat(spans.get(1).kind()).isEqualTo("INTERNAL");
    assertThat(spans.get(1).attr("session.id")).isEqualTo("sess-tools");
    assertThat(spans.get(2).attr("gen_ai.response.finish_reasons")).isEqualTo(List.of("stop"));
    assertThat(spans.get(2).attr("gen_ai.usage.input_tokens")).isEqualTo(70L);
  }

  @Test
  void serverError_setsErrorType() {
    ReceivedSpan span = run.inference("server-error");

    assertThat(span.status()).isEqualTo("STATUS_CODE_ERROR");
    assertThat(span.attr("error.type")).isNotNull();
  }

  @Test
  void outputsAndExceptions_areTheSameWithoutTheAgent() throws Exception {
    try (FakeLlmServer baseline = fake(); OtlpReceiver sink = new OtlpReceiver()) {
      List<String> without = new ChildJvm(SpringAiApp.class, "spring-ai", "openai").withoutAgent()
          .run(sink, baseline.baseUrl()).outputs();

      assertThat(outputs).hasSize(SCENARIOS).isEqualTo(without);
    }
  }
}
