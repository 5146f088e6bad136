package io.sightline.query.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON in and out of the API with one configured mapper. Responses are written here rather than
 * through Javalin's app-wide mapper so the server's other routes keep whatever mapper they use.
 */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  /** Reads one whole JSON value: "42 apples" is text, not the number 42. */
  private static final ObjectReader ONE_VALUE =
      MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  public static void send(Context ctx, Object body) {
    try {
      ctx.contentType("application/json").result(MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request body: exactly one JSON value, nothing after it. */
  public static JsonNode readBody(byte[] body) throws IOException {
    return ONE_VALUE.readTree(body);
  }

  /**
   * Stored content is JSON text written by ingest; hand it out as structure when it parses, as
   * a string when it does not, and as null when empty.
   */
  public static JsonNode parseLenient(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (!mayBeJson(text)) {
      return TextNode.valueOf(text);
    }
    try {
      return ONE_VALUE.readTree(text);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }

  /** True when {@code text} is one complete JSON value. */
  public static boolean isValid(String text) {
    if (text == null || !mayBeJson(text)) {
      return false;
    }
    try {
      ONE_VALUE.readTree(text);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * False when {@code text} cannot start a JSON value. Tool results are mostly plain text, and
   * ruling them out here spares the parser an exception per step.
   */
  private static boolean mayBeJson(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9')
        || text.startsWith("true", i) || text.startsWith("false", i) || text.startsWith("null", i);
  }
}
