package io.sightline.extension.it;

import static io.sightline.fakellm.Match.hasToolResults;
import static io.sightline.fakellm.Match.userSays;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.extension.it.OtlpReceiver.ReceivedSpan;
import io.sightline.extension.it.apps.LangChain4jApp;
import io.sightline.fakellm.FakeLlmServer;
import io.sightline.fakellm.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** LangChain4j (OpenAI provider over its own HTTP client) under the agent + extension, on JDK 17. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LangChain4jIT {
  static final int SCENARIOS = 7;
  static final Duration FIRST_CHUNK_DELAY = Duration.ofMillis(250);

  private final OtlpReceiver otlp = new OtlpReceiver();
  private FakeLlmServer llm;
  private ItSupport run;
  private List<String> outputs;

  LangChain4jIT() throws Exception {}

  static FakeLlmServer fake() {
    FakeLlmServer llm = FakeLlmServer.start();
    llm.on(userSays("[scenario=chat]"), Reply.text("Hello from LangChain4j").withUsage(30, 5));
    llm.on(userSays("[scenario=stream]"), Reply.text("one two three").withStreamTiming(FIRST_CHUNK_DELAY, Duration.ofMillis(5)));
    llm.on(userSays("[scenario=agent]").and(hasToolResults().negate()), Reply.toolCall("getWeather", "{\"arg0\":\"Rome\"}"));
    llm.on(userSays("[scenario=agent-stream]").and(hasToolResults().negate()),
        Reply.toolCall("getWeather", "{\"arg0\":\"Oslo\"}"));
    llm.on(userSays("[scenario=agent-stream-bare]").and(hasToolResults().negate()),
        Reply.toolCall("getWeather", "{\"arg0\":\"Lima\"}"));
    llm.on(userSays("[scenario=agent-stream-bare]").and(hasToolResults()), Reply.text("All done."));
    llm.on(userSays("[scenario=rate-limited]"), Reply.rateLimited(1));
    llm.on(userSays("[scenario=failing-tool]").and(hasToolResults().negate()),
        Reply.toolCall("lookupOrder", "{\"arg0\":\"1234\"}"));
    return llm;
  }

  @BeforeAll
  void runApp() throws Exception {
    llm = fake();
    outputs = new ChildJvm(LangChain4jApp.class, "langchain4j").javaHome(ChildJvm.JDK17)
        .property("otel.instrumentation.genai.capture-message-content", "true")
        .run(otlp, llm.baseUrl()).outputs();
    run = ItSupport.await(otlp, SCENARIOS);
  }

  @AfterAll
  void stop() {
    llm.close();
    otlp.close();
  }

  @Test
  void chat_producesOneInferenceSpanWithProviderAndUsage() {
    ReceivedSpan span = run.inference("chat");

    assertThat(span.name()).isEqualTo("chat gpt-4o-mini");
    assertThat(span.kind()).isEqualTo("CLIENT");
    assertThat(span.scope()).isEqualTo("io.sightline.extension.langchain4j");
    assertThat(span.attr("gen_ai.provider.name")).isEqualTo("openai");
    assertThat(span.attr("gen_ai.request.temperature")).isEqualTo(0.3);
    assertThat(span.attr("gen_ai.response.model")).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(span.attr("gen_ai.response.finish_reasons")).isEqualTo(List.of("stop"));
    assertThat(span.attr("gen_ai.usage.input_tokens")).isEqualTo(30L);
    assertThat(span.attr("gen_ai.usage.output_tokens")).isEqualTo(5L);
    assertThat(span.attr("sightline.cost.usd")).isNotNull();
    assertThat(span.attr("gen_ai.conversation.id")).isEqualTo("sess-chat");
    assertThat((String) span.attr("gen_ai.input.messages")).contains("[scenario=chat] Hello");
    assertThat(run.children(span)).anySatisfy(child -> assertThat(child.kind()).isEqualTo("CLIENT"));
  }

  @Test
  void stream_recordsTimeToFirstChunk() {
    ReceivedSpan span = run.inference("stream");

    assertThat((Double) span.attr("gen_ai.response.time_to_first_chunk"))
        .isBetween(FIRST_CHUNK_DELAY.toMillis() / 1000.0, FIRST_CHUNK_DELAY.toMillis() / 1000.0 + ItSupport.COLD_JVM_TOLERANCE_SECONDS);
    assertThat(span.attr("sightline.stream.end")).isEqualTo("completed");
    assertThat((String) span.attr("gen_ai.output.messages")).contains("one two three");
  }

  /** The scenario's one agent span, after checking it holds an LLM call, a tool and a second call. */
  private ReceivedSpan agentWithToolRoundTrip(String scenario) {
    List<ReceivedSpan> agents = run.genAi(scenario);
    assertThat(agents).hasSize(1);
    assertThat(run.children(agents.get(0))).extracting(ReceivedSpan::name)
        .containsExactly("chat gpt-4o-mini", "execute_tool getWeather", "chat gpt-4o-mini");
    return agents.get(0);
  }

  @Test
  void aiService_isAnAgentSpanWithToolAndInferenceChildren_andMemoryIdAsConversation() {
    ReceivedSpan agent = agentWithToolRoundTrip("agent");
    List<ReceivedSpan> children = run.children(agent);

    assertThat(agent.name()).isEqualTo("invoke_agent LangChain4jApp.Assistant");
    assertThat(agent.kind()).isEqualTo("INTERNAL");
    assertThat(agent.attr("gen_ai.conversation.id")).isEqualTo("conv-42");
    assertThat(agent.attr("session.id")).isEqualTo("sess-agent");
    assertThat(children).allSatisfy(c -> assertThat(c.attr("gen_ai.conversation.id")).isEqualTo("conv-42"));
    ReceivedSpan tool = children.get(1);
    assertThat(tool.attr("gen_ai.tool.call.id")).isEqualTo("call_fake_000003_0");
    assertThat(tool.attr("gen_ai.tool.type")).isEqualTo("function");
    assertThat((String) tool.attr("gen_ai.tool.call.arguments")).contains("Rome");
    assertThat(tool.attr("gen_ai.tool.call.result")).isEqualTo("sunny in Rome");
    assertThat(children.get(0).attr("gen_ai.response.finish_reasons")).isEqualTo(List.of("tool_calls"));
  }

  @Test
  void aiServiceTokenStream_agentSpanCoversTheStreamedCallsAndTheTool() {
    ReceivedSpan agent = agentWithToolRoundTrip("agent-stream");
    List<ReceivedSpan> children = run.children(agent);

    assertThat(agent.name()).isEqualTo("invoke_agent LangChain4jApp.StreamingAssistant");
    assertThat(agent.attr("gen_ai.conversation.id")).isEqualTo("conv-43");
    assertThat(agent.status()).isEqualTo("STATUS_CODE_UNSET");
    assertThat(children.get(0).attr("gen_ai.request.stream")).isEqualTo(true);
    assertThat(children.get(2).attr("sightline.stream.end")).isEqualTo("completed");
    assertThat(children).allSatisfy(c -> assertThat(c.endNanos()).isLessThanOrEqualTo(agent.endNanos()));
    assertThat(outputs).anySatisfy(o -> assertThat(o).startsWith("OUT agent-stream: ").endsWith("| STOP"));
  }

  @Test
  void aiServiceTokenStream_withoutCompletionHandler_agentSpanStillEndsAfterItsCalls() {
    ReceivedSpan agent = agentWithToolRoundTrip("agent-stream-bare");

    assertThat(run.children(agent)).allSatisfy(c -> assertThat(c.endNanos()).isLessThanOrEqualTo(agent.endNanos()));
    assertThat(outputs).contains("OUT agent-stream-bare: All done.");
  }

  @Test
  void failingTool_isAnErrorSpanWhoseStatusSaysWhyRedacted() {
    ReceivedSpan agent = run.genAi("failing-tool").get(0);
    ReceivedSpan tool = run.children(agent).stream()
        .filter(s -> s.name().equals("execute_tool lookupOrder")).findFirst().orElseThrow();

    assertThat(tool.status()).isEqualTo("STATUS_CODE_ERROR");
    assertThat(tool.attr("error.type")).isEqualTo("tool_error");
    assertThat(tool.statusMessage()).contains("order service unavailable")
        .contains("<EMAIL>").doesNotContain("jane.doe@example.com");
  }

  @Test
  void rateLimited_setsErrorType() {
    ReceivedSpan span = run.inference("rate-limited");

    assertThat(span.attr("error.type")).isEqualTo("dev.langchain4j.exception.RateLimitException");
    assertThat(span.status()).isEqualTo("STATUS_CODE_ERROR");
  }

  @Test
  void outputsAndExceptions_areTheSameWithoutTheAgent() throws Exception {
    try (FakeLlmServer baseline = fake(); OtlpReceiver sink = new OtlpReceiver()) {
      List<String> without = new ChildJvm(LangChain4jApp.class, "langchain4j").withoutAgent().run(sink, baseline.baseUrl()).outputs();

      assertThat(outputs).hasSize(SCENARIOS).isEqualTo(without);
    }
  }
}
