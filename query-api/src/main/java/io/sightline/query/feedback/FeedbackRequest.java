package io.sightline.query.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.sightline.query.internal.ApiException;
import io.sightline.query.internal.Ids;
import io.sightline.query.internal.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A checked {@code POST /api/v1/feedback} body. The target is a span (traceId + spanId), a trace
 * (traceId) or a session (sessionId). The value's JSON type sets the data type: number →
 * numeric, boolean → boolean, string → categorical.
 */
record FeedbackRequest(String targetType, String traceId, String spanId, String sessionId,
    String name, String dataType, double value, String stringValue, String comment,
    String userId, String source, String idempotencyKey, Map<String, String> metadata) {

  static final Set<String> FIELDS = Set.of("traceId", "spanId", "sessionId", "name", "value",
      "comment", "userId", "source", "idempotencyKey", "metadata");
  static final List<String> SOURCES = List.of("user", "reviewer", "automatic");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  static FeedbackRequest parse(byte[] body) {
    JsonNode n;
    try {
      n = Json.readBody(body);
    } catch (java.io.IOException e) {
      throw ApiException.badBody("body", "not valid JSON");
    }
    if (n == null || !n.isObject()) {
      throw ApiException.badBody("body", "expected a JSON object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw ApiException.badBody(f, "unknown field; accepted: "
            + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    String traceId = optional(n, "traceId", 32);
    String spanId = optional(n, "spanId", 16);
    String sessionId = optional(n, "sessionId", Ids.MAX_SESSION_ID);
    String type;
    if (!spanId.isEmpty()) {
      if (traceId.isEmpty()) {
        throw ApiException.badBody("traceId", "required with spanId");
      }
      type = "span";
    } else if (!traceId.isEmpty()) {
      type = "trace";
    } else if (!sessionId.isEmpty()) {
      type = "session";
    } else {
      throw ApiException.badBody("traceId", "give traceId (and spanId) or sessionId");
    }
    traceId = traceId.isEmpty() ? "" : checked(() -> Ids.traceId("traceId", n.get("traceId").asText()));
    spanId = spanId.isEmpty() ? "" : checked(() -> Ids.spanId("spanId", n.get("spanId").asText()));
    String name = optional(n, "name", 64);
    if (!NAME.matcher(name).matches()) {
      throw ApiException.badBody("name", "required: 1-64 letters, digits or _ . : -");
    }
    JsonNode v = n.get("value");
    String dataType;
    double value = 0;
    String stringValue = "";
    if (v == null || v.isNull()) {
      throw ApiException.badBody("value", "required: a number, a boolean or a string");
    } else if (v.isNumber() && Double.isFinite(v.asDouble())) {
      dataType = "numeric";
      value = v.asDouble();
    } else if (v.isBoolean()) {
      dataType = "boolean";
      value = v.asBoolean() ? 1 : 0;
    } else if (v.isTextual() && !v.asText().isBlank() && v.asText().length() <= 256) {
      dataType = "categorical";
      stringValue = v.asText();
    } else {
      throw ApiException.badBody("value", "must be a finite number, a boolean or a 1-256 character string");
    }
    if (name.equals("rating") && !dataType.equals("numeric")) {
      throw ApiException.badBody("value", "a rating must be a number");
    }
    if (name.equals("thumbs") && dataType.equals("categorical")) {
      throw ApiException.badBody("value", "thumbs must be a boolean (true = up) or a number (> 0 = up)");
    }
    String source = optional(n, "source", 16);
    source = source.isEmpty() ? "user" : source;
    if (!SOURCES.contains(source)) {
      throw ApiException.badBody("source", "must be one of " + String.join(", ", SOURCES));
    }
    return new FeedbackRequest(type, traceId, spanId, sessionId, name, dataType, value,
        stringValue, optional(n, "comment", 4000), optional(n, "userId", 256), source,
        optional(n, "idempotencyKey", 256), metadata(n.get("metadata")));
  }

  private static String optional(JsonNode n, String field, int max) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw ApiException.badBody(field, "must be a string");
    }
    if (v.asText().length() > max) {
      throw ApiException.badBody(field, "longer than " + max + " characters");
    }
    return v.asText().strip();
  }

  private static Map<String, String> metadata(JsonNode m) {
    Map<String, String> out = new LinkedHashMap<>();
    if (m == null || m.isNull()) {
      return out;
    }
    if (!m.isObject() || m.size() > 32) {
      throw ApiException.badBody("metadata", "must be an object of at most 32 string values");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual() || e.getKey().length() > 128 || e.getValue().asText().length() > 1024) {
        throw ApiException.badBody("metadata." + e.getKey(), "must be a string of at most 1024 characters");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  /** Path-style id errors re-labelled as body errors. */
  private static String checked(java.util.function.Supplier<String> s) {
    try {
      return s.get();
    } catch (ApiException e) {
      throw ApiException.badBody(e.parameter(), e.getMessage().substring(e.parameter().length() + 2));
    }
  }
}
