package io.sightline.extension.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.anthropic.core.ObjectMappers;
import io.sightline.extension.genai.HelperConfig;
import io.sightline.extension.genai.InferenceRequest;
import io.sightline.extension.genai.InferenceResult;
import io.sightline.extension.genai.JsonText;
import io.sightline.extension.genai.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic Messages API (regular and beta) → GenAI attributes, from the wire JSON of the SDK's
 * objects, so that one mapping serves both the {@code messages} and {@code beta.messages} types.
 */
final class AnthropicJson {
  private AnthropicJson() {}

  static JsonNode json(Object sdkObject) {
    return ObjectMappers.jsonMapper().valueToTree(sdkObject);
  }

  static InferenceRequest request(JsonNode body, boolean stream, String baseUrl) {
    InferenceRequest r = new InferenceRequest(InferenceRequest.CHAT, "anthropic")
        .model(text(body, "model"))
        .serverUrl(baseUrl)
        .stream(stream)
        .maxTokens(number(body, "max_tokens"))
        .temperature(decimal(body, "temperature"))
        .topP(decimal(body, "top_p"))
        .topK(decimal(body, "top_k"));
    JsonNode stops = body.path("stop_sequences");
    if (stops.isArray() && stops.size() > 0) {
      List<String> list = new ArrayList<>();
      stops.forEach(s -> list.add(s.asText()));
      r.stopSequences(list);
    }
    if (HelperConfig.captureContent()) {
      Messages system = null;
      String systemText = blocksText(body.path("system"));
      if (systemText != null) {
        system = Messages.parts().text(systemText);
      }
      r.content(input(body.path("messages")), system, toolDefinitions(body.path("tools")));
    }
    return r;
  }

  static InferenceResult result(JsonNode message) {
    InferenceResult r = new InferenceResult().responseId(text(message, "id")).responseModel(text(message, "model"))
        .finishReason(text(message, "stop_reason"));
    usage(r, message.path("usage"));
    if (HelperConfig.captureContent()) {
      Messages out = Messages.messages().begin("assistant");
      appendBlocks(out, message.path("content"), false);
      r.outputMessages(out.end(text(message, "stop_reason")));
    }
    return r;
  }

  /** Anthropic's input count excludes cache reads and writes; OpenTelemetry's includes them. */
  static void usage(InferenceResult r, JsonNode usage) {
    if (!usage.isObject()) {
      return;
    }
    Long input = number(usage, "input_tokens");
    Long cacheRead = number(usage, "cache_read_input_tokens");
    Long cacheWrite = number(usage, "cache_creation_input_tokens");
    Long inclusive = input == null ? null : input + (cacheRead == null ? 0 : cacheRead) + (cacheWrite == null ? 0 : cacheWrite);
    r.usage(inclusive, number(usage, "output_tokens")).cacheTokens(cacheRead, cacheWrite);
  }

  static Messages input(JsonNode messages) {
    Messages out = Messages.messages();
    for (JsonNode m : messages) {
      out.begin(m.path("role").asText(null));
      appendBlocks(out, m.path("content"), true);
      out.end(null);
    }
    return out;
  }

  static void appendBlocks(Messages out, JsonNode content, boolean input) {
    if (content.isTextual()) {
      out.text(content.asText());
      return;
    }
    for (JsonNode block : content) {
      String type = block.path("type").asText();
      if ("text".equals(type)) {
        out.text(block.path("text").asText());
      } else if ("thinking".equals(type)) {
        out.reasoning(block.path("thinking").asText());
      } else if ("tool_use".equals(type)) {
        out.toolCall(text(block, "id"), text(block, "name"), block.path("input").toString());
      } else if (input && "tool_result".equals(type)) {
        out.toolCallResponse(text(block, "tool_use_id"), blocksText(block.path("content")));
      }
    }
  }

  static String toolDefinitions(JsonNode tools) {
    if (!tools.isArray() || tools.size() == 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder("[");
    for (JsonNode tool : tools) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append("{\"type\":\"function\",\"name\":");
      JsonText.quote(sb, tool.path("name").asText(""));
      if (tool.has("description")) {
        sb.append(",\"description\":");
        JsonText.quote(sb, tool.path("description").asText());
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  /** A string, or the text of a list of text blocks. */
  static String blocksText(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode block : content) {
      if (block.path("text").isTextual()) {
        sb.append(block.path("text").asText());
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  static Long number(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isNumber() ? v.asLong() : null;
  }

  static Double decimal(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isNumber() ? v.asDouble() : null;
  }
}
