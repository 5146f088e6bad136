package io.sightline.fakellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Writes a {@code text/event-stream} response, one flushed event at a time. */
final class Sse {
  private final ObjectMapper mapper;
  private final OutputStream out;

  Sse(HttpExchange exchange, ObjectMapper mapper) throws IOException {
    this.mapper = mapper;
    exchange.getResponseHeaders().set("content-type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("cache-control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    this.out = exchange.getResponseBody();
  }

  /** Sends {@code event: name} (when non-null) and {@code data: json}. */
  void send(String event, JsonNode data) throws IOException {
    StringBuilder sb = new StringBuilder();
    if (event != null) {
      sb.append("event: ").append(event).append('\n');
    }
    sb.append("data: ").append(mapper.writeValueAsString(data)).append("\n\n");
    write(sb.toString());
  }

  /** Sends OpenAI's end-of-stream marker {@code data: [DONE]}. */
  void done() throws IOException {
    write("data: [DONE]\n\n");
  }

  static void pause(Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
