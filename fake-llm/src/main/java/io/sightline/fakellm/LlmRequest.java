package io.sightline.fakellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request the fake server received, as recorded for assertions and as seen by rules.
 *
 * @param method HTTP method
 * @param path request path without the query string
 * @param headers request headers, names lower-cased, in arrival order
 * @param body the raw request body (UTF-8)
 * @param api which provider endpoint the path addresses
 * @param json the parsed body, or a missing node when the body is not JSON
 */
public record LlmRequest(
    String method, String path, Map<String, List<String>> headers, String body, Api api, JsonNode json) {

  public LlmRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(api, "api");
    json = json == null ? MissingNode.getInstance() : json;
  }

  /** The first value of a header (name case-insensitive), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  /** The {@code model} field of the body, or "" when absent. */
  public String model() {
    return json.path("model").asText("");
  }

  /** Whether the client asked for a server-sent-event stream. */
  public boolean stream() {
    return json.path("stream").asBoolean(false);
  }

  /** OpenAI chat: whether {@code stream_options.include_usage} is true. */
  public boolean includeUsage() {
    return json.path("stream_options").path("include_usage").asBoolean(false);
  }

  /** The text of the last user message (all text parts joined), or "" when there is none. */
  public String lastUserText() {
    return switch (api) {
      case CHAT_COMPLETIONS, ANTHROPIC_MESSAGES -> lastUserText(json.path("messages"));
      case RESPONSES -> json.path("input").isTextual()
          ? json.path("input").asText()
          : lastUserText(json.path("input"));
      case EMBEDDINGS -> json.path("input").isTextual() ? json.path("input").asText() : "";
      case UNKNOWN -> "";
    };
  }

  /** Whether the conversation carries results of tool calls (role {@code tool}, {@code tool_result}, ...). */
  public boolean hasToolResults() {
    JsonNode items = api == Api.RESPONSES ? json.path("input") : json.path("messages");
    for (JsonNode item : items) {
      if ("tool".equals(item.path("role").asText())
          || "function_call_output".equals(item.path("type").asText())) {
        return true;
      }
      for (JsonNode part : item.path("content")) {
        if ("tool_result".equals(part.path("type").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Names of the tools the request declares. */
  public List<String> toolNames() {
    List<String> names = new ArrayList<>();
    for (JsonNode tool : json.path("tools")) {
      String name = tool.path("function").path("name").asText(tool.path("name").asText(""));
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /** Every text in the request's messages/input (for token estimates). */
  String allText() {
    StringBuilder sb = new StringBuilder();
    collectText(json.path("system"), sb);
    collectText(json.path("instructions"), sb);
    collectText(api == Api.RESPONSES || api == Api.EMBEDDINGS ? json.path("input") : json.path("messages"), sb);
    return sb.toString();
  }

  private static String lastUserText(JsonNode messages) {
    String last = "";
    for (JsonNode message : messages) {
      if ("user".equals(message.path("role").asText())) {
        StringBuilder sb = new StringBuilder();
        collectText(message.path("content"), sb);
        last = sb.toString().trim();
      }
    }
    return last;
  }

  private static void collectText(JsonNode node, StringBuilder sb) {
    if (node.isTextual()) {
      sb.append(node.asText()).append(' ');
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        collectText(child, sb);
      }
    } else if (node.isObject()) {
      if (node.has("text")) {
        collectText(node.get("text"), sb);
      }
      if (node.has("content")) {
        collectText(node.get("content"), sb);
      }
    }
  }
}
