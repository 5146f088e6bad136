package io.sightline.fakellm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/** Anthropic {@code /v1/messages} bodies and event streams. */
final class AnthropicMessages {
  private final ObjectMapper mapper;

  AnthropicMessages(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode message(Answer a) {
    ObjectNode root = envelope(a);
    ArrayNode content = root.putArray("content");
    if (a.reply().kind() == Reply.Kind.TOOL_CALLS) {
      List<ToolCall> calls = a.reply().toolCalls();
      for (int i = 0; i < calls.size(); i++) {
        content.add(toolUse(a, i, true));
      }
    } else {
      content.add(text(a.reply().text()));
    }
    root.put("stop_reason", stopReason(a.reply()));
    root.set("usage", usage(a, a.outputTokens()));
    return root;
  }

  void stream(Answer a, Sse sse) throws IOException {
    Sse.pause(a.reply().firstChunkDelay());
    ObjectNode start = envelope(a);
    start.putArray("content");
    start.putNull("stop_reason");
    start.set("usage", usage(a, 1));
    sse.send("message_start", mapper.createObjectNode().put("type", "message_start").set("message", start));
    if (a.reply().kind() == Reply.Kind.TOOL_CALLS) {
      List<ToolCall> calls = a.reply().toolCalls();
      for (int i = 0; i < calls.size(); i++) {
        sse.send("content_block_start", mapper.createObjectNode().put("type", "content_block_start")
            .put("index", i).set("content_block", toolUse(a, i, false)));
        Sse.pause(a.reply().chunkDelay());
        ObjectNode delta = mapper.createObjectNode().put("type", "input_json_delta")
            .put("partial_json", calls.get(i).argumentsJson());
        sse.send("content_block_delta", mapper.createObjectNode().put("type", "content_block_delta")
            .put("index", i).set("delta", delta));
        sse.send("content_block_stop", mapper.createObjectNode().put("type", "content_block_stop").put("index", i));
      }
    } else {
      sse.send("content_block_start", mapper.createObjectNode().put("type", "content_block_start")
          .put("index", 0).set("content_block", text("")));
      sse.send("ping", mapper.createObjectNode().put("type", "ping"));
      for (String piece : a.reply().chunks()) {
        Sse.pause(a.reply().chunkDelay());
        ObjectNode delta = mapper.createObjectNode().put("type", "text_delta").put("text", piece);
        sse.send("content_block_delta", mapper.createObjectNode().put("type", "content_block_delta")
            .put("index", 0).set("delta", delta));
      }
      sse.send("content_block_stop", mapper.createObjectNode().put("type", "content_block_stop").put("index", 0));
    }
    ObjectNode messageDelta = mapper.createObjectNode().put("type", "message_delta");
    messageDelta.putObject("delta").put("stop_reason", stopReason(a.reply())).putNull("stop_sequence");
    messageDelta.set("usage", usage(a, a.outputTokens()));
    sse.send("message_delta", messageDelta);
    sse.send("message_stop", mapper.createObjectNode().put("type", "message_stop"));
  }

  private ObjectNode envelope(Answer a) {
    ObjectNode root = mapper.createObjectNode();
    root.put("id", a.id("msg_fake_"));
    root.put("type", "message");
    root.put("role", "assistant");
    root.put("model", a.model());
    root.putNull("stop_sequence");
    root.putNull("stop_details");
    root.putNull("container");
    return root;
  }

  private ObjectNode text(String text) {
    ObjectNode block = mapper.createObjectNode().put("type", "text").put("text", text);
    block.putNull("citations");
    return block;
  }

  private ObjectNode toolUse(Answer a, int index, boolean withInput) {
    ToolCall call = a.reply().toolCalls().get(index);
    ObjectNode block = mapper.createObjectNode().put("type", "tool_use")
        .put("id", a.toolCallId("toolu_fake_", index)).put("name", call.name());
    try {
      block.set("input", withInput ? mapper.readTree(call.argumentsJson()) : mapper.createObjectNode());
    } catch (IOException e) {
      throw new IllegalArgumentException("tool arguments are not JSON: " + call.argumentsJson(), e);
    }
    block.putObject("caller").put("type", "direct");
    return block;
  }

  /** Anthropic reports input tokens exclusive of cache reads and writes. */
  private ObjectNode usage(Answer a, int outputTokens) {
    ObjectNode usage = mapper.createObjectNode();
    usage.put("input_tokens", a.inputTokens() - a.cacheReadTokens() - a.cacheWriteTokens());
    usage.put("output_tokens", outputTokens);
    usage.put("cache_creation_input_tokens", a.cacheWriteTokens());
    usage.put("cache_read_input_tokens", a.cacheReadTokens());
    usage.putNull("cache_creation");
    usage.putNull("server_tool_use");
    usage.put("service_tier", "standard");
    return usage;
  }

  private static String stopReason(Reply reply) {
    return switch (reply.kind()) {
      case TOOL_CALLS -> "tool_use";
      case TRUNCATED -> "max_tokens";
      default -> "end_turn";
    };
  }
}
