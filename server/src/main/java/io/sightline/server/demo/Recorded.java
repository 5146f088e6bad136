package io.sightline.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What Sightline's API returns for the sessions the sample app played: each session's detail
 * (turns and steps) and analysis (findings), and how it differs from what was played.
 */
record Recorded(List<Session> sessions) {
  /** {@code detail} and {@code analysis} are null when the API does not know the session. */
  record Session(PlayedRun.Session played, JsonNode detail, JsonNode analysis) {
    boolean found() {
      return detail != null;
    }
  }

  /** Calls and cost of one model over all sessions. */
  record ModelUse(int calls, long inputTokens, long outputTokens, BigDecimal costUsd) {}

  Recorded {
    sessions = List.copyOf(sessions);
  }

  static Recorded read(ApiClient api, PlayedRun run) {
    List<Session> out = new ArrayList<>();
    for (PlayedRun.Session s : run.sessions()) {
      String path = "/api/v1/sessions/" + ApiClient.encode(s.sessionId());
      JsonNode detail = api.find(path).orElse(null);
      out.add(new Session(s, detail, detail == null ? null : api.get(path + "/analysis")));
    }
    return new Recorded(out);
  }

  /** Every way the API's sessions differ from what was played; empty when all arrived intact. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (Session s : sessions) {
      PlayedRun.Session p = s.played();
      if (!s.found()) {
        problems.add("session " + p.sessionId() + " is not in the API");
        continue;
      }
      JsonNode d = s.detail();
      expect(problems, p, "user", p.userId(), d.path("userId").asText());
      expect(problems, p, "turns", p.turns().size(), d.path("turnCount").asInt());
      expect(problems, p, "feedback", p.feedback().size(), d.path("feedback").path("count").asInt());
      Set<String> traces = new HashSet<>();
      d.path("traces").forEach(t -> traces.add(t.path("traceId").asText()));
      for (PlayedRun.Turn t : p.turns()) {
        if (!traces.contains(t.traceId())) {
          problems.add("session " + p.sessionId() + ": trace " + t.traceId() + " (\"" + t.question()
              + "\") is missing");
        }
      }
      s.detail().path("turns").forEach(turn -> {
        if (turn.path("llmCalls").asInt() == 0) {
          problems.add("session " + p.sessionId() + ": turn " + turn.path("index").asInt() + " has no LLM call");
        }
      });
    }
    return problems;
  }

  private static void expect(List<String> problems, PlayedRun.Session p, String what, Object played, Object api) {
    if (!played.equals(api)) {
      problems.add("session " + p.sessionId() + ": " + what + " played " + played + ", API says " + api);
    }
  }

  int traces() {
    return sum("traceCount");
  }

  int spans() {
    return sum("spanCount");
  }

  int turns() {
    return sum("turnCount");
  }

  /** Total cost; null when no call had a known price. */
  BigDecimal costUsd() {
    BigDecimal total = null;
    for (Session s : sessions) {
      if (s.found() && s.detail().path("costUsd").isNumber()) {
        total = (total == null ? BigDecimal.ZERO : total).add(s.detail().path("costUsd").decimalValue());
      }
    }
    return total;
  }

  /** LLM calls per request model, from the sessions' steps (nested steps included). */
  Map<String, ModelUse> byModel() {
    Map<String, ModelUse> out = new TreeMap<>();
    for (Session s : sessions) {
      if (s.found()) {
        s.detail().path("turns").forEach(turn -> addLlmSteps(turn.path("steps"), out));
      }
    }
    return out;
  }

  private static void addLlmSteps(JsonNode steps, Map<String, ModelUse> out) {
    for (JsonNode step : steps) {
      if ("llm".equals(step.path("kind").asText())) {
        ModelUse before = out.getOrDefault(step.path("model").asText(), new ModelUse(0, 0, 0, BigDecimal.ZERO));
        JsonNode cost = step.path("costUsd");
        out.put(step.path("model").asText(), new ModelUse(before.calls() + 1,
            before.inputTokens() + step.path("usage").path("inputTokens").asLong(),
            before.outputTokens() + step.path("usage").path("outputTokens").asLong(),
            cost.isNumber() ? before.costUsd().add(cost.decimalValue()) : before.costUsd()));
      }
      addLlmSteps(step.path("steps"), out);
    }
  }

  private int sum(String field) {
    return sessions.stream().filter(Session::found).mapToInt(s -> s.detail().path(field).asInt()).sum();
  }
}
