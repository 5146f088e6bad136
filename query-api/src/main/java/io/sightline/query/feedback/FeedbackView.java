package io.sightline.query.feedback;

import io.sightline.clickhouse.format.Row;
import java.time.Instant;
import java.util.Map;

/** A stored score as the API returns it; {@code value} is a number, boolean or string. */
record FeedbackView(String id, String targetType, String traceId, String spanId,
    String sessionId, String name, String dataType, Object value, String comment, String userId,
    String source, Map<String, String> metadata, Instant createdAt, Instant updatedAt) {

  static FeedbackView of(Row r) {
    String type = r.string("data_type");
    Object value = switch (type) {
      case "boolean" -> r.doubleValue("value") > 0;
      case "categorical" -> r.string("string_value");
      default -> r.doubleValue("value");
    };
    return new FeedbackView(r.string("score_id"), r.string("target_type"), blank(r.string("trace_id")),
        blank(r.string("span_id")), blank(r.string("session_id")), r.string("name"), type, value,
        blank(r.string("comment")), blank(r.string("user_id")), r.string("source"),
        r.map("metadata"), r.instant("created_at"), r.instant("updated_at"));
  }

  private static String blank(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
