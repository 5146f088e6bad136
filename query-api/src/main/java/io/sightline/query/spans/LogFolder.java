package io.sightline.query.spans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sightline.clickhouse.format.Row;
import io.sightline.query.internal.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds one span's GenAI log records (OTel GenAI events 1.28-1.36: one record per message) into
 * canonical content: system message into system instructions, user/assistant/tool messages into
 * input messages, choices into output messages, in record order. Other records become span
 * events. Span content wins where both exist.
 */
final class LogFolder {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Ingest keeps a record's position in its export request here: the order among equal times. */
  static final String SEQUENCE = "sightline.log.sequence";
  private final List<Record> records = new ArrayList<>();
  private final ArrayNode system = F.arrayNode();
  private final ArrayNode input = F.arrayNode();
  private final ArrayNode output = F.arrayNode();
  private final List<Span.Event> others = new ArrayList<>();
  private boolean folded;

  private record Record(java.time.Instant time, long sequence, String name, String message,
      java.util.Map<String, String> attributes) {}

  void add(Row r) {
    java.util.Map<String, String> attrs = r.map("attributes");
    long seq;
    try {
      seq = Long.parseLong(attrs.getOrDefault(SEQUENCE, "0"));
    } catch (NumberFormatException e) {
      seq = 0;
    }
    records.add(new Record(r.instant("time"), seq, r.string("event_name"), r.string("message"), attrs));
  }

  private void fold() {
    if (folded) {
      return;
    }
    folded = true;
    records.sort(java.util.Comparator.comparing(Record::time).thenComparingLong(Record::sequence));
    for (Record r : records) {
      String message = r.message();
      switch (r.name()) {
        case "gen_ai.system.message" -> message(message, "system").path("parts").forEach(system::add);
        case "gen_ai.user.message" -> input.add(message(message, "user"));
        case "gen_ai.assistant.message" -> input.add(message(message, "assistant"));
        case "gen_ai.tool.message" -> input.add(message(message, "tool"));
        case "gen_ai.choice" -> output.add(message(message, "assistant"));
        case "gen_ai.client.inference.operation.details" -> details(message);
        default -> others.add(new Span.Event(r.time(), r.name(), r.attributes(), "log"));
      }
    }
  }

  /** One record with the whole exchange: {@code system_instructions}, input and output messages. */
  private void details(String message) {
    JsonNode d = Json.parseLenient(message);
    if (d == null || !d.isObject()) {
      return;
    }
    d.path("system_instructions").forEach(system::add);
    d.path("input_messages").forEach(input::add);
    d.path("output_messages").forEach(output::add);
  }

  SpanContent foldInto(SpanContent c) {
    fold();
    return c.withMessages(text(system), text(input), text(output));
  }

  List<Span.Event> withOtherEvents(List<Span.Event> events) {
    fold();
    if (others.isEmpty()) {
      return events;
    }
    List<Span.Event> all = new ArrayList<>(events);
    all.addAll(others);
    all.sort((a, b) -> a.time().compareTo(b.time()));
    return List.copyOf(all);
  }

  private static String text(ArrayNode a) {
    return a.isEmpty() ? "" : a.toString();
  }

  /**
   * Canonical {@code {role, parts[]}} from what a record carries: canonical JSON as ingest writes
   * it, an OTel event body ({@code content}, {@code tool_calls}, {@code id}, {@code message}), or
   * plain text.
   */
  static JsonNode message(String text, String defaultRole) {
    JsonNode n = Json.parseLenient(text);
    ObjectNode out = F.objectNode();
    if (n instanceof ObjectNode o && o.has("parts")) {
      out.setAll(o);
      if (!out.hasNonNull("role")) {
        out.put("role", defaultRole);
      }
      return out;
    }
    out.put("role", defaultRole);
    ArrayNode parts = out.putArray("parts");
    if (n == null) {
      return out;
    }
    if (!(n instanceof ObjectNode body)) {
      parts.addObject().put("type", "text").put("content", n.isTextual() ? n.asText() : n.toString());
      return out;
    }
    JsonNode inner = body.has("message") ? body.get("message") : body;
    if (inner.hasNonNull("role")) {
      out.put("role", inner.get("role").asText());
    }
    if (body.hasNonNull("finish_reason")) {
      out.put("finish_reason", body.get("finish_reason").asText());
    }
    JsonNode content = inner.get("content");
    if (content != null && !content.isNull()) {
      if ("tool".equals(out.get("role").asText()) && inner.hasNonNull("id")) {
        parts.addObject().put("type", "tool_call_response").put("id", inner.get("id").asText())
            .set("response", content);
      } else {
        parts.addObject().put("type", "text").put("content", content.isTextual() ? content.asText() : content.toString());
      }
    }
    for (JsonNode call : inner.path("tool_calls")) {
      ObjectNode p = parts.addObject().put("type", "tool_call");
      p.put("id", call.path("id").asText(""));
      p.put("name", call.path("function").path("name").asText(call.path("name").asText("")));
      JsonNode args = call.path("function").path("arguments");
      p.set("arguments", args.isMissingNode() ? call.path("arguments") : args);
    }
    return out;
  }
}
