package io.sightline.examples.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Posts customer feedback to Sightline's API ({@code POST /api/v1/feedback}), as a shop's
 * backend does when a customer clicks thumbs up/down or rates a conversation.
 */
final class SightlineFeedback {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Spans are exported in batches: a trace can take a moment to become known to Sightline. */
  private static final Duration WAIT_FOR_TRACE = Duration.ofSeconds(20);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;
  private final String apiKey;

  SightlineFeedback(String apiUrl, String apiKey) {
    this.endpoint = URI.create(apiUrl.replaceAll("/+$", "") + "/api/v1/feedback");
    this.apiKey = apiKey;
  }

  void thumbs(String traceId, boolean up, String comment, String userId, String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("traceId", traceId);
    body.put("name", "thumbs");
    body.put("value", up);
    post(body, comment, userId, idempotencyKey);
  }

  void rating(String sessionId, int stars, String comment, String userId, String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sessionId", sessionId);
    body.put("name", "rating");
    body.put("value", stars);
    post(body, comment, userId, idempotencyKey);
  }

  private void post(Map<String, Object> body, String comment, String userId, String idempotencyKey) {
    if (comment != null) {
      body.put("comment", comment);
    }
    body.put("userId", userId);
    body.put("source", "user");
    body.put("idempotencyKey", idempotencyKey);
    untraced(() -> send(body));
  }

  private void send(Map<String, Object> body) {
    long deadline = System.nanoTime() + WAIT_FOR_TRACE.toNanos();
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      if (apiKey != null && !apiKey.isBlank()) {
        request.header("Authorization", "Bearer " + apiKey);
      }
      while (true) {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 || response.statusCode() == 201) {
          return;
        }
        // 404: the trace or session has not been exported yet; anything else is a real error.
        if (response.statusCode() != 404 || System.nanoTime() > deadline) {
          throw new IllegalStateException("POST " + endpoint + " answered " + response.statusCode() + ": "
              + response.body());
        }
        Thread.sleep(250);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach Sightline at " + endpoint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while posting feedback", e);
    }
  }

  /**
   * Runs {@code call} under a parent span that is not sampled, so that the agent's parent-based
   * sampler records nothing for it: the app's calls to its telemetry backend are not telemetry.
   */
  private static void untraced(Runnable call) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    SpanContext notSampled = SpanContext.create(
        String.format("%016x%016x", random.nextLong() | 1, random.nextLong()),
        String.format("%016x", random.nextLong() | 1), TraceFlags.getDefault(), TraceState.getDefault());
    try (Scope ignored = Context.root().with(Span.wrap(notSampled)).makeCurrent()) {
      call.run();
    }
  }
}
