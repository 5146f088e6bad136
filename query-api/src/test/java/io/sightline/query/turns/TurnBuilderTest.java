package io.sightline.query.turns;

import static io.sightline.query.testing.Scenario.answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.clickhouse.tables.SpanRow;
import io.sightline.query.spans.SpanTree;
import io.sightline.query.testing.Scenario;
import io.sightline.query.testing.TestSpans;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Turns and steps from span trees without a database. */
class TurnBuilderTest {
  static final String T = "0af7651916cd43dd8448eb211c80319c";

  static List<Turn> turns(Scenario s) {
    return TurnBuilder.build(SpanTree.of(TestSpans.of(s)));
  }

  @Test
  void traceWithoutAgent_hasOneTurnPerTopLevelLlmCall_andLooseToolsJoinTheTurnBefore() {
    Scenario s = new Scenario("p", Instant.parse("2026-11-27T10:00:00Z"));
    s.add(s.span(T, "0000000000000001", null, 0, 5000, "POST /chat").spanKind("server"));
    s.add(s.llm(T, "0000000000000002", "0000000000000001", 0, 100, 1, 1, null, "tool_calls"));
    s.add(s.span(T, "0000000000000009", "0000000000000002", 5, 90, "HTTP POST").spanKind("client"));
    s.add(s.tool(T, "0000000000000003", "0000000000000001", 120, 50, "lookup", null));
    s.add(s.llm(T, "0000000000000004", "0000000000000001", 200, 100, 1, 1, null, "stop"));
    List<Turn> turns = turns(s);
    assertThat(turns).extracting(t -> t.span().spanId()).containsExactly("0000000000000002", "0000000000000004");
    assertThat(turns.getFirst().steps()).extracting(Step::kind).containsExactly("llm", "tool");
    Step tool = turns.getFirst().steps().get(1);
    assertThat(tool.requestedBy().span().spanId()).isEqualTo("0000000000000002");
    assertThat(tool.linkedBy()).isEqualTo("order");
    assertThat(turns.get(1).index()).isEqualTo(2);
  }

  @Test
  void llmCallInsideATool_isThatToolsNestedStep_notATurnOfItsOwn() {
    Scenario s = new Scenario("p", Instant.parse("2026-11-27T10:00:00Z"));
    s.add(s.span(T, "0000000000000001", null, 0, 5000, "POST /chat").spanKind("server"));
    s.add(s.llm(T, "0000000000000002", "0000000000000001", 0, 100, 1, 1, null, "tool_calls"));
    s.add(s.tool(T, "0000000000000003", "0000000000000001", 120, 300, "summarise", null));
    s.add(s.llm(T, "0000000000000004", "0000000000000003", 130, 200, 1, 1, null, "stop"));

    List<Turn> turns = turns(s);

    assertThat(turns).extracting(t -> t.span().spanId()).containsExactly("0000000000000002");
    assertThat(turns.getFirst().steps()).extracting(Step::kind).containsExactly("llm", "tool");
    assertThat(turns.getFirst().steps().get(1).steps()).extracting(st -> st.span().spanId())
        .containsExactly("0000000000000004");
  }

  @Test
  void toolCallIds_linkToTheLlmThatAskedEvenAcrossOtherCalls() {
    Scenario s = new Scenario("p", Instant.parse("2026-11-27T10:00:00Z"));
    s.add(s.agent(T, "0000000000000001", null, 0, 900, "a"));
    SpanRow ask = s.add(s.llm(T, "0000000000000002", "0000000000000001", 0, 100, 1, 1, null, "tool_calls"));
    s.content(ask, null, answer(null, "tool_calls", "call_a", "x", "{}", "call_b", "y", "{}"), null, null, null);
    s.add(s.llm(T, "0000000000000003", "0000000000000001", 110, 10, 1, 1, null, "stop"));
    s.add(s.tool(T, "0000000000000004", "0000000000000001", 130, 10, "y", "call_b"));
    s.add(s.tool(T, "0000000000000005", "0000000000000001", 150, 10, "z", "call_zzz"));
    List<Step> steps = turns(s).getFirst().steps();
    assertThat(steps.get(2).requestedBy().span().spanId()).isEqualTo("0000000000000002");
    assertThat(steps.get(2).linkedBy()).isEqualTo("tool_call_id");
    assertThat(steps.get(3).requestedBy().span().spanId()).as("unknown id: nearest LLM before").isEqualTo("0000000000000003");
    assertThat(steps.get(3).linkedBy()).isEqualTo("order");
  }

  @Test
  void chainSpans_areTransparent_subAgentsNestTheirSteps() {
    Scenario s = new Scenario("p", Instant.parse("2026-11-27T10:00:00Z"));
    s.add(s.agent(T, "0000000000000001", null, 0, 900, "a"));
    s.add(s.span(T, "0000000000000002", "0000000000000001", 0, 800, "plan").obsType("chain"));
    s.add(s.llm(T, "0000000000000003", "0000000000000002", 10, 10, 1, 1, null, "stop"));
    s.add(s.agent(T, "0000000000000004", "0000000000000002", 30, 100, "b"));
    s.add(s.span(T, "0000000000000005", "0000000000000004", 40, 10, "check").obsType("guardrail"));
    List<Turn> turns = turns(s);
    assertThat(turns).hasSize(1);
    assertThat(turns.getFirst().steps()).extracting(Step::kind).containsExactly("llm", "agent");
    assertThat(turns.getFirst().steps().get(1).steps()).extracting(Step::kind).containsExactly("guardrail");
  }
}
