package io.sightline.query.analysis;

import static io.sightline.query.analysis.Evidence.error;
import static io.sightline.query.analysis.Evidence.excerpt;
import static io.sightline.query.analysis.Evidence.label;
import static io.sightline.query.analysis.Evidence.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.sightline.query.internal.Json;
import io.sightline.query.spans.Span;
import io.sightline.query.spans.SpanTree.Node;
import io.sightline.query.turns.Step;
import io.sightline.query.turns.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loops and retries: one tool called again and again with the same arguments, LLM calls repeated
 * after a failed one, and provider rate limits (429) and timeouts.
 */
final class LoopRule implements Rule {
  private static final Pattern RATE_LIMIT =
      Pattern.compile("\\b429\\b|rate[ _-]?limit|too many requests|ratelimit", Pattern.CASE_INSENSITIVE);
  private static final Pattern TIMEOUT = Pattern.compile(
      "time[ _-]?out|timed out|deadline[ _]exceeded|\\b408\\b|\\b504\\b", Pattern.CASE_INSENSITIVE);

  @Override
  public List<Finding> apply(List<Turn> turns, Thresholds t) {
    List<Finding> out = new ArrayList<>();
    for (Turn turn : turns) {
      toolLoops(turn, t, out);
      retries(turn, out);
      for (Node n : turn.nodes()) {
        providerErrors(turn, n, out);
      }
    }
    return out;
  }

  private static void toolLoops(Turn turn, Thresholds t, List<Finding> out) {
    Map<List<Object>, List<Step>> groups = new LinkedHashMap<>();
    for (Step s : turn.allSteps()) {
      // Without the arguments (content capture off, or content expired) repeats prove nothing.
      JsonNode args = s.kind().equals("tool") ? Json.parseLenient(arguments(s.span())) : null;
      if (args != null) {
        groups.computeIfAbsent(List.of(s.span().toolName().isEmpty() ? s.span().name()
            : s.span().toolName(), args), k -> new ArrayList<>()).add(s);
      }
    }
    for (Map.Entry<List<Object>, List<Step>> g : groups.entrySet()) {
      List<Step> calls = g.getValue();
      if (calls.size() < t.loopRepeatCount()) {
        continue;
      }
      Span first = calls.getFirst().span();
      long errors = calls.stream().filter(s -> s.span().isError()).count();
      out.add(new Finding("tool_loop", "warning", first.traceId(), turn.index(),
          calls.stream().map(s -> s.span().spanId()).toList(),
          map("tool", g.getKey().getFirst(), "calls", calls.size(), "errors", errors,
              "arguments", excerpt(arguments(first))),
          "Tool " + g.getKey().getFirst() + " was called " + calls.size()
              + " times with the same arguments in turn " + turn.index()
              + "; the agent is looping: cap repeats or feed the tool's answer back differently."));
    }
  }

  private static String arguments(Span tool) {
    String full = tool.content().toolArguments();
    return full.isEmpty() ? tool.inputPreview() : full;
  }

  private static void retries(Turn turn, List<Finding> out) {
    List<Step> llms = turn.llmSteps();
    for (int i = 0; i < llms.size(); i++) {
      Span failed = llms.get(i).span();
      if (!failed.isError()) {
        continue;
      }
      List<String> ids = new ArrayList<>();
      ids.add(failed.spanId());
      for (int j = i + 1; j < llms.size(); j++) {
        Span next = llms.get(j).span();
        if (next.requestModel().equals(failed.requestModel()) && next.start().isAfter(failed.start())) {
          ids.add(next.spanId());
          if (!next.isError()) {
            break;
          }
        }
      }
      if (ids.size() > 1) {
        out.add(new Finding("llm_retry", "info", failed.traceId(), turn.index(), ids,
            map("model", failed.requestModel(), "retries", ids.size() - 1,
                "errorType", failed.errorType(), "errorMessage", excerpt(error(failed))),
            "The " + label(failed) + " failed and was called again " + (ids.size() - 1)
                + " time(s); retries add latency and cost, so fix the cause of the failure."));
      }
      while (i + 1 < llms.size() && llms.get(i + 1).span().isError()) {
        i++;
      }
    }
  }

  /**
   * The GenAI call a failed span belongs to: an HTTP client span ({@code POST}) under an LLM call
   * is described as that call's attempt, which is what a reader can act on.
   */
  private static String callLabel(Node node) {
    Node call = genAiAncestor(node);
    return call == node || call == null ? label(node.span()) : "HTTP request of the " + label(call.span());
  }

  private static String provider(Node node) {
    Node call = genAiAncestor(node);
    return call == null ? node.span().provider() : call.span().provider();
  }

  private static String model(Node node) {
    Node call = genAiAncestor(node);
    return call == null ? node.span().requestModel() : call.span().requestModel();
  }

  private static Node genAiAncestor(Node node) {
    for (Node n = node; n != null; n = n.parent()) {
      String type = n.span().obsType();
      if (type.equals("llm") || type.equals("embedding") || !n.span().toolName().isEmpty()) {
        return n;
      }
    }
    return null;
  }

  private static void providerErrors(Turn turn, Node node, List<Finding> out) {
    Span s = node.span();
    if (!FailureRule.failed(s)) {
      return;
    }
    String text = s.errorType() + " " + s.errorMessage() + " " + s.statusMessage() + " "
        + s.attributes().getOrDefault("http.response.status_code", "")
        + " " + s.attributes().getOrDefault("http.status_code", "");
    String status = s.attributes().getOrDefault("http.response.status_code",
        s.attributes().getOrDefault("http.status_code", ""));
    if (status.equals("429") || RATE_LIMIT.matcher(text).find()) {
      out.add(new Finding("rate_limited", "warning", s.traceId(), turn.index(), List.of(s.spanId()),
          map("errorType", s.errorType(), "errorMessage", excerpt(error(s)),
              "provider", provider(node), "model", model(node)),
          "The " + callLabel(node) + " was rate limited by " + (provider(node).isEmpty()
              ? "the provider" : provider(node)) + " (429); add backoff with jitter or raise the quota."));
    } else if (TIMEOUT.matcher(text.toLowerCase(Locale.ROOT)).find()) {
      out.add(new Finding("timeout", "warning", s.traceId(), turn.index(), List.of(s.spanId()),
          map("errorType", s.errorType(), "errorMessage", excerpt(error(s)),
              "durationMs", Evidence.round(s.durationMillis())),
          "The " + callLabel(node) + " timed out after " + Math.round(s.durationMillis())
              + " ms; raise the timeout or make the call cheaper."));
    }
  }
}
