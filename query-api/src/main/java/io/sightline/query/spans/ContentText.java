package io.sightline.query.spans;

import com.fasterxml.jackson.databind.JsonNode;
import io.sightline.query.internal.Json;
import java.util.ArrayList;
import java.util.List;

/** Plain text and tool calls read out of canonical GenAI message JSON. */
public final class ContentText {
  private ContentText() {}

  /** A tool call an LLM asked for in its output. {@code arguments} is the raw JSON text. */
  public record ToolCall(String id, String name, String arguments) {}

  /** What a span was asked: generic input, else the last user message, else the preview. */
  public static String input(Span s) {
    SpanContent c = s.content();
    String t = plain(c.genericInput());
    if (t.isEmpty()) {
      t = lastText(c.inputMessages(), "user");
    }
    if (t.isEmpty() && !c.toolArguments().isEmpty()) {
      t = plain(c.toolArguments());
    }
    return t.isEmpty() ? s.inputPreview() : t;
  }

  /** What a span answered: generic output, else the output messages' text, else the preview. */
  public static String output(Span s) {
    SpanContent c = s.content();
    String t = plain(c.genericOutput());
    if (t.isEmpty()) {
      t = allText(c.outputMessages());
    }
    if (t.isEmpty() && !c.toolResult().isEmpty()) {
      t = plain(c.toolResult());
    }
    return t.isEmpty() ? s.outputPreview() : t;
  }

  /** Tool calls in the output messages, in order. */
  public static List<ToolCall> toolCalls(String outputMessages) {
    List<ToolCall> out = new ArrayList<>();
    JsonNode msgs = Json.parseLenient(outputMessages);
    if (msgs == null) {
      return out;
    }
    for (JsonNode m : msgs.isArray() ? msgs : List.of(msgs)) {
      for (JsonNode p : m.path("parts")) {
        if ("tool_call".equals(p.path("type").asText())) {
          JsonNode args = p.path("arguments");
          out.add(new ToolCall(p.path("id").asText(""), p.path("name").asText(""),
              args.isMissingNode() || args.isNull() ? "" : args.isTextual() ? args.asText() : args.toString()));
        }
      }
    }
    return out;
  }

  static String lastText(String messages, String role) {
    JsonNode msgs = Json.parseLenient(messages);
    if (msgs == null || !msgs.isArray()) {
      return msgs != null && msgs.isTextual() ? msgs.asText() : "";
    }
    for (int i = msgs.size() - 1; i >= 0; i--) {
      if (role.equals(msgs.get(i).path("role").asText())) {
        return partsText(msgs.get(i));
      }
    }
    return "";
  }

  static String allText(String messages) {
    JsonNode msgs = Json.parseLenient(messages);
    if (msgs == null) {
      return "";
    }
    if (msgs.isTextual()) {
      return msgs.asText();
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode m : msgs.isArray() ? msgs : List.of(msgs)) {
      String t = partsText(m);
      if (!t.isEmpty()) {
        sb.append(sb.isEmpty() ? "" : "\n").append(t);
      }
    }
    return sb.toString();
  }

  private static String partsText(JsonNode message) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode p : message.path("parts")) {
      if ("text".equals(p.path("type").asText())) {
        sb.append(sb.isEmpty() ? "" : "\n").append(p.path("content").asText(""));
      }
    }
    return sb.toString();
  }

  /** A JSON string value unwrapped, other JSON kept as text, plain text as is. */
  static String plain(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    JsonNode n = Json.parseLenient(text);
    return n != null && n.isTextual() ? n.asText() : text;
  }
}
