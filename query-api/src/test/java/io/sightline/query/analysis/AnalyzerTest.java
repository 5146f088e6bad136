package io.sightline.query.analysis;

import static io.sightline.query.testing.Scenario.answer;
import static io.sightline.query.testing.Scenario.userMessages;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.clickhouse.tables.SpanRow;
import io.sightline.query.spans.SpanTree;
import io.sightline.query.testing.Scenario;
import io.sightline.query.testing.TestSpans;
import io.sightline.query.turns.TurnBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The analysis rules on small hand-made traces. */
class AnalyzerTest {
  static final String T = "0af7651916cd43dd8448eb211c80319c";
  static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  static List<Finding> analyze(Scenario s, Thresholds t) {
    return new Analyzer(t).analyze(TurnBuilder.build(SpanTree.of(TestSpans.of(s))));
  }

  static List<Finding> analyze(Scenario s) {
    return analyze(s, Thresholds.DEFAULTS);
  }

  static List<Finding> ofType(List<Finding> all, String type) {
    return all.stream().filter(f -> f.type().equals(type)).toList();
  }

  /** Agent → LLM (asks for the tool) → failing tool → LLM answering {@code answer}. */
  static Scenario toolFailureThen(String answerText) {
    Scenario s = new Scenario("p", T0);
    s.add(s.agent(T, "0000000000000001", null, 0, 500, "a"));
    s.add(s.llm(T, "0000000000000002", "0000000000000001", 0, 100, 10, 5, "0.1", "tool_calls"));
    s.add(s.tool(T, "0000000000000003", "0000000000000001", 110, 50, "lookup", "c1")
        .statusCode("error").errorMessage("backend said no"));
    SpanRow last = s.add(s.llm(T, "0000000000000004", "0000000000000001", 170, 300, 20, 5, "0.1", "stop"));
    s.content(last, userMessages("q"), answer(answerText, "stop"), null, null, null);
    return s;
  }

  @ParameterizedTest
  @ValueSource(strings = {"Here is your answer: 42.", "All done, the report is attached."})
  void toolFailure_followedByARealAnswer_isRecovered(String text) {
    List<Finding> f = analyze(toolFailureThen(text));
    assertThat(ofType(f, "recovered_error")).singleElement()
        .satisfies(r -> assertThat(r.spanIds()).containsExactly("0000000000000003"));
    assertThat(ofType(f, "root_cause")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"I'm sorry, I could not look that up.", "Unfortunately that failed.",
      "Result: backend said no", ""})
  void toolFailure_followedByApologyErrorEchoOrNothing_isTheRootCause(String text) {
    List<Finding> f = analyze(toolFailureThen(text));
    assertThat(ofType(f, "root_cause")).singleElement().satisfies(r -> {
      assertThat(r.severity()).isEqualTo("critical");
      assertThat(r.spanIds()).containsExactly("0000000000000003");
      assertThat(r.message()).contains("Tool lookup").contains("backend said no");
    });
    assertThat(ofType(f, "recovered_error")).isEmpty();
  }

  @Test
  void nestedFailure_deepestIsRootCause_failingAncestorsAreSymptoms() {
    Scenario s = new Scenario("p", T0);
    s.add(s.agent(T, "0000000000000001", null, 0, 900, "main").statusCode("error"));
    s.add(s.agent(T, "0000000000000002", "0000000000000001", 10, 800, "sub").statusCode("error"));
    s.add(s.llm(T, "0000000000000003", "0000000000000002", 20, 100, 1, 1, null, "tool_calls"));
    s.add(s.tool(T, "0000000000000004", "0000000000000002", 130, 50, "db", null)
        .statusCode("error").errorType("SQLException").errorMessage("connection refused"));
    List<Finding> f = analyze(s);
    assertThat(ofType(f, "root_cause")).singleElement().satisfies(r -> {
      assertThat(r.spanIds()).containsExactly("0000000000000004", "0000000000000002", "0000000000000001");
      assertThat(r.evidence().get("outcome")).isEqualTo("the turn itself failed");
      assertThat(r.evidence().get("depth")).isEqualTo(2);
    });
    assertThat(ofType(f, "symptom")).extracting(x -> x.spanIds().getFirst())
        .containsExactlyInAnyOrder("0000000000000001", "0000000000000002");
  }

  @Test
  void failedLlmCall_retriedSuccessfully_isRecoveredAndReportedAsRetry() {
    Scenario s = new Scenario("p", T0);
    s.add(s.agent(T, "0000000000000001", null, 0, 900, "a").statusCode("error"));
    s.add(s.llm(T, "0000000000000002", "0000000000000001", 0, 10, 0, 0, null, null)
        .statusCode("error").errorType("APITimeoutError").errorMessage("Request timed out."));
    s.add(s.llm(T, "0000000000000003", "0000000000000001", 20, 10, 0, 0, null, null)
        .statusCode("error").errorType("RateLimitError").statusMessage("429 Too Many Requests"));
    s.add(s.llm(T, "0000000000000004", "0000000000000001", 40, 10, 5, 5, null, "stop"));
    List<Finding> f = analyze(s);
    assertThat(ofType(f, "llm_retry")).singleElement().satisfies(r ->
        assertThat(r.spanIds()).containsExactly("0000000000000002", "0000000000000003", "0000000000000004"));
    assertThat(ofType(f, "timeout")).extracting(x -> x.spanIds().getFirst()).containsExactly("0000000000000002");
    assertThat(ofType(f, "rate_limited")).extracting(x -> x.spanIds().getFirst()).containsExactly("0000000000000003");
    assertThat(ofType(f, "recovered_error")).hasSize(2);
  }

  @Test
  void rateLimitedHttpAttempt_isDescribedAsItsLlmCall() {
    Scenario s = new Scenario("p", T0);
    s.add(s.agent(T, "0000000000000001", null, 0, 900, "a"));
    s.add(s.llm(T, "0000000000000002", "0000000000000001", 0, 800, 5, 5, null, "stop")
        .provider("openai").requestModel("gpt-4o").responseModel("gpt-4o-2024-08-06"));
    s.add(s.span(T, "0000000000000003", "0000000000000002", 0, 20, "POST")
        .statusCode("error").spanAttributes(Map.of("http.response.status_code", "429")));
    List<Finding> f = analyze(s);
    assertThat(ofType(f, "rate_limited")).singleElement().satisfies(r -> {
      assertThat(r.spanIds()).containsExactly("0000000000000003");
      assertThat(r.message()).startsWith("The HTTP request of the LLM call to gpt-4o-2024-08-06 was rate limited by openai");
      assertThat(r.evidence()).containsEntry("model", "gpt-4o").containsEntry("provider", "openai");
    });
  }

  @Test
  void errorMentioningANumberWith429_isNotARateLimit() {
    Scenario s = new Scenario("p", T0);
    s.add(s.agent(T, "0000000000000001", null, 0, 900, "a"));
    s.add(s.tool(T, "0000000000000002", "0000000000000001", 10, 5, "lookup", "c1")
        .statusCode("error").errorMessage("order 14290 not found"));

    assertThat(ofType(analyze(s), "rate_limited")).isEmpty();
  }

  @Test
  void toolCallsWithoutKnownArguments_areNotALoop() {
    Scenario s = new Scenario("p", T0);
    s.add(s.agent(T, "0000000000000001", null, 0, 900, "a"));
    for (int i = 0; i < 4; i++) {
      s.add(s.tool(T, "00000000000000a" + i, "0000000000000001", 10 + i * 10L, 5, "search", null));
    }

    assertThat(ofType(analyze(s), "tool_loop")).isEmpty();
  }

  @Test
  void toolLoop_isFoundFromPreviewsWhenContentIsGone() {
    Scenario s = new Scenario("p", T0);
    s.add(s.agent(T, "0000000000000001", null, 0, 900, "a"));
    for (int i = 0; i < 3; i++) {
      s.add(s.tool(T, "00000000000000a" + i, "0000000000000001", 10 + i * 10L, 5, "search", null)
          .inputPreview("{\"q\":\"x\"}"));
    }

    assertThat(ofType(analyze(s), "tool_loop")).singleElement()
        .satisfies(l -> assertThat(l.evidence()).containsEntry("calls", 3).containsEntry("arguments", "{\"q\":\"x\"}"));
  }

  static List<Arguments> loops() {
    return List.of(Arguments.of(2, 2, true), Arguments.of(2, 3, false), Arguments.of(3, 3, true),
        Arguments.of(5, 3, true));
  }

  @ParameterizedTest(name = "{0} calls, threshold {1} -> {2}")
  @MethodSource("loops")
  void sameToolSameArguments_isALoopFromTheConfiguredCount(int calls, int threshold, boolean loop) {
    Scenario s = new Scenario("p", T0);
    s.add(s.agent(T, "0000000000000001", null, 0, 900, "a"));
    for (int i = 0; i < calls; i++) {
      SpanRow t = s.add(s.tool(T, "00000000000000a" + i, "0000000000000001", 10 + i * 10L, 5, "search", null));
      // Same arguments, different key order and spacing.
      s.content(t, null, null, i % 2 == 0 ? "{\"q\":\"x\",\"n\":1}" : "{ \"n\": 1, \"q\": \"x\" }", null, null);
    }
    SpanRow other = s.add(s.tool(T, "00000000000000b1", "0000000000000001", 500, 5, "search", null));
    s.content(other, null, null, "{\"q\":\"y\",\"n\":1}", null, null);
    Thresholds t = new Thresholds(2000, threshold, 2.0, 3, 0.5, 1000, 0.5, Thresholds.DEFAULT_APOLOGY,
        Thresholds.DEFAULT_REFUSAL);
    List<Finding> loops = ofType(analyze(s, t), "tool_loop");
    if (loop) {
      assertThat(loops).singleElement().satisfies(l -> assertThat(l.evidence().get("calls")).isEqualTo(calls));
    } else {
      assertThat(loops).isEmpty();
    }
  }

  @Test
  void badOutputs_emptyRefusalTruncatedAndInvalidToolArguments() {
    Scenario s = new Scenario("p", T0);
    s.add(s.agent(T, "0000000000000001", null, 0, 900, "a"));
    SpanRow empty = s.add(s.llm(T, "0000000000000002", "0000000000000001", 0, 10, 10, 0, null, "stop"));
    s.content(empty, userMessages("hi"), "", null, null, null);
    SpanRow filtered = s.add(s.llm(T, "0000000000000003", "0000000000000001", 20, 10, 10, 3, null, "content_filter"));
    s.content(filtered, userMessages("hi"), answer("", "content_filter"), null, null, null);
    SpanRow refused = s.add(s.llm(T, "0000000000000004", "0000000000000001", 40, 10, 10, 9, null, "stop"));
    s.content(refused, userMessages("hi"), answer("I'm sorry, but I can't help with that.", "stop"), null, null, null);
    s.add(s.llm(T, "0000000000000005", "0000000000000001", 60, 10, 10, 4096, null, "max_tokens"));
    SpanRow badTool = s.add(s.tool(T, "0000000000000006", "0000000000000001", 80, 5, "save", null));
    s.content(badTool, null, null, "{\"title\": ", null, null);
    List<Finding> f = analyze(s);
    assertThat(ofType(f, "empty_output")).extracting(x -> x.spanIds().getFirst()).containsExactly("0000000000000002");
    assertThat(ofType(f, "refusal")).extracting(x -> x.spanIds().getFirst())
        .containsExactly("0000000000000003", "0000000000000004");
    assertThat(ofType(f, "truncated_output")).extracting(x -> x.spanIds().getFirst()).containsExactly("0000000000000005");
    assertThat(ofType(f, "invalid_tool_arguments")).extracting(x -> x.spanIds().getFirst()).containsExactly("0000000000000006");
  }

  @Test
  void criticalPath_followsTheLastFinishingParallelBranch() {
    Scenario s = new Scenario("p", T0);
    s.add(s.agent(T, "0000000000000001", null, 0, 2000, "a"));
    s.add(s.llm(T, "0000000000000002", "0000000000000001", 0, 200, 1, 1, null, "tool_calls"));
    s.add(s.tool(T, "0000000000000003", "0000000000000001", 200, 300, "fast", null));
    s.add(s.tool(T, "0000000000000004", "0000000000000001", 200, 1500, "slow", null));
    s.add(s.llm(T, "0000000000000005", "0000000000000001", 1700, 250, 1, 1, null, "stop"));
    Finding cp = ofType(analyze(s), "latency_critical_path").getFirst();
    assertThat(cp.evidence().get("dominantSpanId")).isEqualTo("0000000000000004");
    assertThat(cp.evidence().get("dominantShare")).isEqualTo(0.75);
    assertThat(cp.severity()).isEqualTo("warning");
    @SuppressWarnings("unchecked")
    List<java.util.Map<String, Object>> path = (List<java.util.Map<String, Object>>) cp.evidence().get("path");
    assertThat(path).extracting(p -> p.get("spanId"))
        .containsExactly("0000000000000002", "0000000000000004", "0000000000000005");
    assertThat(cp.evidence().get("agentOverheadMs")).isEqualTo(50.0);
  }

  @ParameterizedTest
  @ValueSource(longs = {1500, 2500})
  void slowTtft_isJudgedAgainstTheConfiguredThreshold(long threshold) {
    Scenario s = new Scenario("p", T0);
    s.add(s.agent(T, "0000000000000001", null, 0, 3000, "a"));
    s.add(s.llm(T, "0000000000000002", "0000000000000001", 0, 2900, 1, 1, null, "stop")
        .streaming(true).ttftMillis(2000));
    Thresholds t = new Thresholds(threshold, 3, 2.0, 3, 0.5, 1000, 0.5, Thresholds.DEFAULT_APOLOGY,
        Thresholds.DEFAULT_REFUSAL);
    assertThat(ofType(analyze(s, t), "slow_ttft")).hasSize(threshold < 2000 ? 1 : 0);
  }

  static List<Arguments> growth() {
    return List.of(Arguments.of(List.of(100L, 150L, 220L, 300L), true),
        Arguments.of(List.of(100L, 100L, 110L, 120L), false),
        Arguments.of(List.of(100L, 400L), false));
  }

  @ParameterizedTest
  @MethodSource("growth")
  void contextGrowth_needsEnoughTurnsAndTheFactor(List<Long> prompts, boolean expected) {
    Scenario s = new Scenario("p", T0);
    for (int i = 0; i < prompts.size(); i++) {
      String trace = "0af7651916cd43dd8448eb211c8031" + i + "0";
      s.add(s.agent(trace, "00000000000000" + i + "1", null, i * 60_000L, 100, "a"));
      s.add(s.llm(trace, "00000000000000" + i + "2", "00000000000000" + i + "1", i * 60_000L, 50,
          prompts.get(i), 10, "0.01", "stop"));
    }
    assertThat(ofType(analyze(s), "context_growth")).hasSize(expected ? 1 : 0);
  }

  @Test
  void costAttribution_namesTheCallThatBurnedMost() {
    Scenario s = new Scenario("p", T0);
    s.add(s.agent(T, "0000000000000001", null, 0, 900, "a"));
    s.add(s.llm(T, "0000000000000002", "0000000000000001", 0, 10, 10, 5, "0.01", "stop"));
    s.add(s.llm(T, "0000000000000003", "0000000000000001", 20, 10, 10, 5, "0.09", "stop").requestModel("gpt-4o"));
    Finding c = ofType(analyze(s), "cost_attribution").getFirst();
    assertThat(c.severity()).isEqualTo("warning");
    assertThat(c.spanIds().getFirst()).isEqualTo("0000000000000003");
    assertThat(c.evidence().get("basis")).isEqualTo("cost");
    assertThat(c.message()).contains("90%");
  }
}
