package io.sightline.query.analysis;

import static io.sightline.query.analysis.Evidence.excerpt;
import static io.sightline.query.analysis.Evidence.label;
import static io.sightline.query.analysis.Evidence.map;

import io.sightline.query.internal.Json;
import io.sightline.query.spans.ContentText;
import io.sightline.query.spans.Span;
import io.sightline.query.turns.Step;
import io.sightline.query.turns.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Bad outputs: empty answers, refusals, truncation, and tool arguments that are not JSON. */
final class OutputRule implements Rule {
  private static final Set<String> TRUNCATED = Set.of("length", "max_tokens", "max_output_tokens");
  private static final Set<String> TOOL_FINISH = Set.of("tool_calls", "tool_call", "function_call");

  @Override
  public List<Finding> apply(List<Turn> turns, Thresholds t) {
    List<Finding> out = new ArrayList<>();
    for (Turn turn : turns) {
      for (Step step : turn.allSteps()) {
        Span s = step.span();
        if (step.kind().equals("llm")) {
          llm(turn, step, t, out);
        } else if (step.kind().equals("tool")) {
          String args = s.content().toolArguments();
          if (!args.isBlank() && !Json.isValid(args)) {
            out.add(invalidArgs(turn, s, s.toolName(), args));
          }
        }
      }
    }
    return out;
  }

  private static void llm(Turn turn, Step step, Thresholds t, List<Finding> out) {
    Span s = step.span();
    String text = ContentText.output(s);
    boolean truncated = s.finishReasons().stream().anyMatch(TRUNCATED::contains);
    if (truncated) {
      out.add(new Finding("truncated_output", "warning", s.traceId(), turn.index(),
          List.of(s.spanId()),
          map("finishReasons", s.finishReasons(), "outputTokens", s.usage().outputTokens(),
              "outputExcerpt", excerpt(tail(text))),
          "The " + label(s) + " stopped at its token limit (finish reason "
              + String.join(", ", s.finishReasons()) + ") after " + s.usage().outputTokens()
              + " output tokens; raise max tokens or ask for a shorter answer."));
    }
    boolean toolTurn = !step.toolCalls().isEmpty()
        || s.finishReasons().stream().anyMatch(TOOL_FINISH::contains);
    boolean hasContent = !s.content().inputMessages().isEmpty() || !s.inputPreview().isEmpty()
        || !s.finishReasons().isEmpty();
    if (!s.isError() && !toolTurn && !truncated && text.isBlank() && s.usage().outputTokens() == 0
        && hasContent) {
      out.add(new Finding("empty_output", "warning", s.traceId(), turn.index(), List.of(s.spanId()),
          map("finishReasons", s.finishReasons(), "outputTokens", 0),
          "The " + label(s) + " returned an empty answer; check the prompt and the provider's"
              + " content filters."));
    }
    if (s.finishReasons().contains("content_filter") || (!text.isBlank() && t.refuses(text))) {
      out.add(new Finding("refusal", "warning", s.traceId(), turn.index(), List.of(s.spanId()),
          map("finishReasons", s.finishReasons(), "outputExcerpt", excerpt(text)),
          "The " + label(s) + " refused to answer; review the request against the model's"
              + " policies or adjust the system prompt."));
    }
    for (ContentText.ToolCall c : step.toolCalls()) {
      if (!c.arguments().isBlank() && !Json.isValid(c.arguments())) {
        out.add(invalidArgs(turn, s, c.name(), c.arguments()));
      }
    }
  }

  private static Finding invalidArgs(Turn turn, Span s, String tool, String args) {
    return new Finding("invalid_tool_arguments", "warning", s.traceId(), turn.index(),
        List.of(s.spanId()), map("tool", tool, "arguments", excerpt(args)),
        "The arguments for tool " + tool + " are not valid JSON; tighten the tool schema or use"
            + " structured outputs.");
  }

  private static String tail(String text) {
    return text.length() <= Evidence.EXCERPT ? text : "..." + text.substring(text.length() - Evidence.EXCERPT);
  }
}
