package io.sightline.examples.support;

import java.util.List;
import java.util.Objects;

/** What a run played, written by {@code --report} for whoever drives the app (the demo checks it). */
record Played(String runId, List<Session> sessions) {
  Played {
    Objects.requireNonNull(runId, "runId");
    sessions = List.copyOf(sessions);
  }

  record Session(String sessionId, String userId, String topic, String channel, String model,
      List<Turn> turns, List<Feedback> feedback) {
    Session {
      turns = List.copyOf(turns);
      feedback = List.copyOf(feedback);
    }
  }

  /** One answered message; {@code firstTokenMs} only for streamed answers. */
  record Turn(String traceId, String question, String answer, long latencyMs, Long firstTokenMs) {}

  /** Thumbs ({@code traceId} set, boolean value) or a rating of the session (number value). */
  record Feedback(String name, String traceId, Object value, String comment) {
    boolean onTrace() {
      return traceId != null;
    }
  }
}
