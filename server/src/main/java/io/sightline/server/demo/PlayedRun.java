package io.sightline.server.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** What the sample app says it played ({@code --report}): the sessions, traces and feedback to find in Sightline. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PlayedRun(String runId, List<Session> sessions) {
  PlayedRun {
    sessions = List.copyOf(sessions);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Session(String sessionId, String userId, String topic, String channel, String model,
      List<Turn> turns, List<Feedback> feedback) {
    Session {
      turns = List.copyOf(turns);
      feedback = List.copyOf(feedback);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Turn(String traceId, String question, String answer, long latencyMs, Long firstTokenMs) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Feedback(String name, String traceId, Object value, String comment) {}

  static PlayedRun read(Path report) {
    try {
      return new ObjectMapper().readValue(report.toFile(), PlayedRun.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sample app's report " + report + ": " + e.getMessage(), e);
    }
  }
}
