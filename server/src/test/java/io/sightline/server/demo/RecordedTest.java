package io.sightline.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo's check: what the API returned against what the sample app says it played. */
class RecordedTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PlayedRun.Session PLAYED = new PlayedRun.Session("demo-ab12-refund", "bob", "refund",
      "email", "gpt-4o-mini",
      List.of(new PlayedRun.Turn("t1", "Can I return it?", "Yes.", 120, null),
          new PlayedRun.Turn("t2", "How?", "Like this.", 80, null)),
      List.of(new PlayedRun.Feedback("thumbs", "t2", true, null), new PlayedRun.Feedback("rating", null, 5, "ok")));

  /** The session detail the API returns when everything arrived. */
  private static ObjectNode detail() {
    ObjectNode d = JSON.createObjectNode().put("sessionId", PLAYED.sessionId()).put("userId", "bob")
        .put("turnCount", 2).put("traceCount", 2).put("spanCount", 9).put("costUsd", 0.00015);
    d.putObject("feedback").put("count", 2);
    d.putArray("traces").add(JSON.createObjectNode().put("traceId", "t1")).add(JSON.createObjectNode().put("traceId", "t2"));
    for (int i = 1; i <= 2; i++) {
      ObjectNode turn = d.withArray("turns").addObject().put("index", i).put("llmCalls", 1);
      turn.putArray("steps").addObject().put("kind", "llm").put("model", "gpt-4o-mini").put("costUsd", 0.000075)
          .putObject("usage").put("inputTokens", 100).put("outputTokens", 20);
    }
    return d;
  }

  private static Recorded recorded(Consumer<ObjectNode> change) {
    ObjectNode d = detail();
    change.accept(d);
    return new Recorded(List.of(new Recorded.Session(PLAYED, d, JSON.createObjectNode())));
  }

  @Test
  void problems_everythingArrived_none() {
    assertThat(recorded(d -> { }).problems()).isEmpty();
  }

  @Test
  void problems_sessionUnknownToTheApi_namesIt() {
    Recorded r = new Recorded(List.of(new Recorded.Session(PLAYED, null, null)));

    assertThat(r.problems()).containsExactly("session demo-ab12-refund is not in the API");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "userId    | \"alice\" | session demo-ab12-refund: user played bob, API says alice",
      "turnCount | 1         | session demo-ab12-refund: turns played 2, API says 1"})
  void problems_fieldDiffers_namesPlayedAndApiValues(String field, String json, String problem) throws Exception {
    JsonNode value = JSON.readTree(json);
    Recorded r = recorded(d -> d.set(field, value));

    assertThat(r.problems()).containsExactly(problem);
  }

  @Test
  void problems_feedbackMissing_isReported() {
    assertThat(recorded(d -> d.with("feedback").put("count", 1)).problems())
        .containsExactly("session demo-ab12-refund: feedback played 2, API says 1");
  }

  @Test
  void problems_traceMissing_namesItsQuestion() {
    assertThat(recorded(d -> d.withArray("traces").remove(1)).problems())
        .containsExactly("session demo-ab12-refund: trace t2 (\"How?\") is missing");
  }

  @Test
  void problems_turnWithoutLlmCall_isReported() {
    assertThat(recorded(d -> ((ObjectNode) d.withArray("turns").get(1)).put("llmCalls", 0)).problems())
        .containsExactly("session demo-ab12-refund: turn 2 has no LLM call");
  }

  @Test
  void totals_addUpSessionsAndModels() {
    Recorded r = recorded(d -> { });

    assertThat(r.traces()).isEqualTo(2);
    assertThat(r.spans()).isEqualTo(9);
    assertThat(r.costUsd()).isEqualByComparingTo("0.00015");
    assertThat(r.byModel()).containsOnlyKeys("gpt-4o-mini");
    Recorded.ModelUse mini = r.byModel().get("gpt-4o-mini");
    assertThat(mini.calls()).isEqualTo(2);
    assertThat(mini.inputTokens()).isEqualTo(200);
    assertThat(mini.costUsd()).isEqualByComparingTo(new BigDecimal("0.00015"));
  }

  @Test
  void costUsd_noPricedCall_isUnknownNotZero() {
    JsonNode unpriced = recorded(d -> d.putNull("costUsd")).sessions().getFirst().detail();

    assertThat(new Recorded(List.of(new Recorded.Session(PLAYED, unpriced, null))).costUsd()).isNull();
  }
}
