package io.sightline.extension.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.ObjectMappers;
import io.sightline.extension.genai.JsonText;
import io.sightline.extension.genai.Messages;

/**
 * OpenAI wire JSON → GenAI message schema. Works on the JSON the SDK would send or received, which
 * is more stable across SDK versions than the generated accessors. Only used when content capture
 * is on.
 */
final class OpenAiContent {
  private OpenAiContent() {}

  static JsonNode json(Object sdkObject) {
    return ObjectMappers.jsonMapper().valueToTree(sdkObject);
  }

  static Messages chatInput(JsonNode messages) {
    Messages out = Messages.messages();
    for (JsonNode m : messages) {
      String role = m.path("role").asText(null);
      out.begin(role);
      if ("tool".equals(role)) {
        out.toolCallResponse(m.path("tool_call_id").asText(null), text(m.path("content")));
      } else {
        String text = text(m.path("content"));
        if (text != null) {
          out.text(text);
        }
      }
      for (JsonNode call : m.path("tool_calls")) {
        out.toolCall(call.path("id").asText(null), call.path("function").path("name").asText(null),
            call.path("function").path("arguments").asText(null));
      }
      out.end(null);
    }
    return out;
  }

  static Messages chatOutput(JsonNode choices) {
    Messages out = Messages.messages();
    for (JsonNode choice : choices) {
      JsonNode message = choice.path("message");
      out.begin("assistant");
      String text = text(message.path("content"));
      if (text != null) {
        out.text(text);
      }
      for (JsonNode call : message.path("tool_calls")) {
        out.toolCall(call.path("id").asText(null), call.path("function").path("name").asText(null),
            call.path("function").path("arguments").asText(null));
      }
      out.end(choice.path("finish_reason").asText(null));
    }
    return out;
  }

  static Messages responsesInput(JsonNode input) {
    Messages out = Messages.messages();
    if (input.isTextual()) {
      return out.begin("user").text(input.asText()).end(null);
    }
    for (JsonNode item : input) {
      String type = item.path("type").asText("message");
      if ("function_call".equals(type)) {
        out.begin("assistant").toolCall(item.path("call_id").asText(null), item.path("name").asText(null),
            item.path("arguments").asText(null)).end(null);
      } else if ("function_call_output".equals(type)) {
        out.begin("tool").toolCallResponse(item.path("call_id").asText(null), text(item.path("output"))).end(null);
      } else if (item.has("role")) {
        out.begin(item.path("role").asText());
        String text = text(item.path("content"));
        if (text != null) {
          out.text(text);
        }
        out.end(null);
      }
    }
    return out;
  }

  static Messages responsesOutput(JsonNode output, String finishReason) {
    Messages out = Messages.messages().begin("assistant");
    for (JsonNode item : output) {
      String type = item.path("type").asText();
      if ("message".equals(type)) {
        String text = text(item.path("content"));
        if (text != null) {
          out.text(text);
        }
      } else if ("function_call".equals(type)) {
        out.toolCall(item.path("call_id").asText(null), item.path("name").asText(null), item.path("arguments").asText(null));
      } else if ("reasoning".equals(type)) {
        String summary = text(item.path("summary"));
        if (summary != null) {
          out.reasoning(summary);
        }
      }
    }
    return out.end(finishReason);
  }

  static Messages instructions(JsonNode instructions) {
    String text = text(instructions);
    return text == null ? null : Messages.parts().text(text);
  }

  /** {@code gen_ai.tool.definitions}: type, name and description of each declared tool. */
  static String toolDefinitions(JsonNode tools) {
    if (!tools.isArray() || tools.size() == 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder("[");
    for (JsonNode tool : tools) {
      JsonNode fn = tool.has("function") ? tool.path("function") : tool;
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append("{\"type\":");
      JsonText.quote(sb, tool.path("type").asText("function"));
      if (fn.has("name")) {
        sb.append(",\"name\":");
        JsonText.quote(sb, fn.path("name").asText());
      }
      if (fn.has("description")) {
        sb.append(",\"description\":");
        JsonText.quote(sb, fn.path("description").asText());
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  /** Text of a content value: a string, or the text of its text-like parts joined. */
  static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    if (!content.isArray()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode part : content) {
      JsonNode text = part.has("text") ? part.get("text") : part.get("refusal");
      if (text != null && text.isTextual()) {
        sb.append(text.asText());
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }
}
