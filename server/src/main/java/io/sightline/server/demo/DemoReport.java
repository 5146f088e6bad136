package io.sightline.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders what the demo produced, as the API reports it, and where to look next. */
final class DemoReport {
  /** Findings worth a line in the summary; the analysis endpoint has all of them. */
  private static final Set<String> SHOWN_FINDINGS = Set.of("root_cause", "contributing_error", "recovered_error",
      "rate_limited", "timeout", "truncated_output", "slow_ttft", "tool_loop", "empty_output", "refusal",
      "invalid_tool_arguments");

  private DemoReport() {}

  /** {@code keysRequired}: Sightline runs with API keys, so every call needs one. */
  static String render(PlayedRun run, Recorded recorded, String apiBaseUrl, boolean keysRequired) {
    StringBuilder sb = new StringBuilder();
    Set<String> users = new LinkedHashSet<>();
    run.sessions().forEach(s -> users.add(s.userId()));
    sb.append(String.format(Locale.ROOT, "Sightline recorded %d sessions of %d users (run %s): %d turns in %d traces, "
            + "%d spans, %s in total.%n%n", recorded.sessions().size(), users.size(), run.runId(), recorded.turns(),
        recorded.traces(), recorded.spans(), usd(recorded.costUsd())));
    sb.append(String.format(Locale.ROOT, "  %-14s %6s %13s %14s %14s%n", "model", "calls", "input tokens",
        "output tokens", "cost"));
    for (Map.Entry<String, Recorded.ModelUse> m : recorded.byModel().entrySet()) {
      Recorded.ModelUse u = m.getValue();
      sb.append(String.format(Locale.ROOT, "  %-14s %6d %13d %14d %14s%n", m.getKey(), u.calls(), u.inputTokens(),
          u.outputTokens(), usd(u.costUsd())));
    }
    for (Recorded.Session s : recorded.sessions()) {
      sb.append('\n');
      session(sb, s);
    }
    sb.append('\n').append(whereToLook(run, apiBaseUrl));
    if (keysRequired) {
      sb.append("  (API keys are on: add -H 'Authorization: Bearer <key>' to each call.)\n");
    }
    return sb.toString();
  }

  private static void session(StringBuilder sb, Recorded.Session s) {
    PlayedRun.Session p = s.played();
    if (!s.found()) {
      sb.append("  ").append(p.sessionId()).append("  NOT FOUND in the API\n");
      return;
    }
    JsonNode d = s.detail();
    JsonNode fb = d.path("feedback");
    sb.append(String.format(Locale.ROOT, "  %s  user %s, %s, %d spans, %s, feedback: %s%n", p.sessionId(),
        p.userId(), p.model() + (p.channel().equals("chat") ? " streamed" : ""), d.path("spanCount").asInt(),
        usd(d.path("costUsd").isNumber() ? d.path("costUsd").decimalValue() : null), feedback(fb)));
    for (JsonNode turn : d.path("turns")) {
      sb.append(String.format(Locale.ROOT, "    %d. \"%s\"%n       %s  (%s, %.1f s)%n", turn.path("index").asInt(),
          excerpt(turn.path("input").asText(), 70), steps(turn.path("steps")),
          turn.path("status").asText(), turn.path("latencyMs").asDouble() / 1000));
    }
    for (JsonNode f : s.analysis().path("findings")) {
      if (SHOWN_FINDINGS.contains(f.path("type").asText())) {
        sb.append(String.format(Locale.ROOT, "    %-9s %s%n", f.path("severity").asText(), f.path("message").asText()));
      }
    }
  }

  /** The agent loop in one line: {@code gpt-4o-mini → lookup_order (error) → gpt-4o-mini}. */
  private static String steps(JsonNode steps) {
    List<String> out = new ArrayList<>();
    for (JsonNode step : steps) {
      String kind = step.path("kind").asText();
      String label = switch (kind) {
        case "llm" -> step.path("model").asText("llm")
            + (step.path("ttftMs").isNumber() ? " (first token " + step.path("ttftMs").asLong() + " ms)" : "")
            + (step.path("finishReasons").toString().contains("length") ? " (cut off)" : "");
        case "tool" -> step.path("toolName").asText("tool");
        default -> kind;
      };
      if ("error".equals(step.path("status").asText())) {
        label += " (error)";
      }
      if (step.path("steps").size() > 0) {
        label += " [" + steps(step.path("steps")) + "]";
      }
      out.add(label);
    }
    return String.join(" → ", out);
  }

  private static String whereToLook(PlayedRun run, String api) {
    String first = run.sessions().isEmpty() ? "<session id>" : run.sessions().getFirst().sessionId();
    String user = run.sessions().isEmpty() ? "<user id>" : run.sessions().getFirst().userId();
    StringBuilder sb = new StringBuilder("Look at it through the API (pipe into jq to read it):\n");
    String[][] rows = {
        {"sessions", "curl -s '" + api + "/api/v1/sessions?userId=" + user + "'"},
        {"a conversation", "curl -s " + api + "/api/v1/sessions/" + first},
        {"root causes", "curl -s " + api + "/api/v1/sessions/" + first + "/analysis"},
        {"agent graph", "curl -s " + api + "/api/v1/sessions/" + first + "/graph"},
        {"traces", "curl -s '" + api + "/api/v1/traces?service=" + SampleApp.SERVICE_NAME + "'"},
        {"metrics", "curl -s '" + api + "/api/v1/metrics/summary?service=" + SampleApp.SERVICE_NAME + "'"},
        {"cost per model", "curl -s " + api + "/api/v1/models"},
        {"tools", "curl -s '" + api + "/api/v1/metrics/summary?type=tool'; curl -s " + api + "/api/v1/tools"},
        {"feedback", "curl -s '" + api + "/api/v1/feedback?sessionId=" + first + "'"},
        {"every endpoint", api + "/api/openapi.json  (docs/api.md)"}};
    for (String[] r : rows) {
      sb.append(String.format(Locale.ROOT, "  %-15s %s%n", r[0], r[1]));
    }
    return sb.toString();
  }

  private static String feedback(JsonNode fb) {
    List<String> parts = new ArrayList<>();
    if (fb.path("thumbsUp").asInt() > 0) {
      parts.add(fb.path("thumbsUp").asInt() + " up");
    }
    if (fb.path("thumbsDown").asInt() > 0) {
      parts.add(fb.path("thumbsDown").asInt() + " down");
    }
    if (fb.path("ratingAvg").isNumber()) {
      parts.add(String.format(Locale.ROOT, "rated %.1f/5", fb.path("ratingAvg").asDouble()));
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  static String usd(BigDecimal v) {
    return v == null ? "unknown cost" : "$" + v.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String excerpt(String s, int max) {
    String oneLine = s.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }
}
