package io.sightline.extension.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.sightline.extension.genai.ChunkHandler;
import io.sightline.extension.genai.HelperConfig;
import io.sightline.extension.genai.InferenceResult;
import io.sightline.extension.genai.Messages;
import java.util.TreeMap;

/**
 * Stream events ({@code message_start}, {@code content_block_*}, {@code message_delta}) folded into
 * one result: input usage arrives with {@code message_start}, output usage and the stop reason with
 * {@code message_delta}. Content blocks are buffered only when capture is on.
 */
final class AnthropicEvents implements ChunkHandler<Object> {
  private final boolean capture = HelperConfig.captureContent();
  private final TreeMap<Long, Block> blocks = new TreeMap<>();
  private JsonNode startMessage;
  private JsonNode deltaUsage;
  private String stopReason;

  private Object lastEvent;
  private JsonNode lastTree;

  @Override
  public boolean isOutput(Object event) {
    return tree(event).path("type").asText().startsWith("content_block");
  }

  @Override
  public void onChunk(Object event) {
    JsonNode e = tree(event);
    String type = e.path("type").asText();
    if ("message_start".equals(type)) {
      startMessage = e.path("message");
    } else if ("message_delta".equals(type)) {
      deltaUsage = e.path("usage");
      String reason = AnthropicJson.text(e.path("delta"), "stop_reason");
      stopReason = reason != null ? reason : stopReason;
    } else if (capture && type.startsWith("content_block")) {
      block(e);
    }
  }

  /** Each event is converted once, though both isOutput and onChunk look at it. */
  private JsonNode tree(Object event) {
    if (event != lastEvent) {
      lastTree = AnthropicJson.json(event);
      lastEvent = event;
    }
    return lastTree;
  }

  /** One content block being streamed: its kind and the text or partial JSON so far. */
  static final class Block {
    String type = "text";
    String id;
    String name;
    final StringBuilder text = new StringBuilder();
  }

  private void block(JsonNode e) {
    long index = e.path("index").asLong();
    Block block = blocks.get(index);
    if (block == null) {
      block = new Block();
      blocks.put(index, block);
    }
    JsonNode start = e.path("content_block");
    if (start.isObject()) {
      block.type = start.path("type").asText("text");
      block.id = AnthropicJson.text(start, "id");
      block.name = AnthropicJson.text(start, "name");
    }
    JsonNode delta = e.path("delta");
    for (String field : new String[] {"text", "partial_json", "thinking"}) {
      if (delta.path(field).isTextual()) {
        block.text.append(delta.path(field).asText());
      }
    }
  }

  @Override
  public InferenceResult result() {
    InferenceResult r = new InferenceResult();
    if (startMessage != null) {
      r.responseId(AnthropicJson.text(startMessage, "id")).responseModel(AnthropicJson.text(startMessage, "model"));
    }
    r.finishReason(stopReason);
    JsonNode startUsage = startMessage == null ? null : startMessage.path("usage");
    Long input = inputTokens(startUsage, deltaUsage);
    Long output = deltaUsage == null ? null : AnthropicJson.number(deltaUsage, "output_tokens");
    if (input != null || output != null) {
      r.usage(input, output);
      r.cacheTokens(cache(startUsage, deltaUsage, "cache_read_input_tokens"),
          cache(startUsage, deltaUsage, "cache_creation_input_tokens"));
    }
    if (capture && !blocks.isEmpty()) {
      Messages out = Messages.messages().begin("assistant");
      for (Block b : blocks.values()) {
        if ("tool_use".equals(b.type)) {
          out.toolCall(b.id, b.name, b.text.toString());
        } else if ("thinking".equals(b.type)) {
          out.reasoning(b.text.toString());
        } else {
          out.text(b.text.toString());
        }
      }
      r.outputMessages(out.end(stopReason));
    }
    return r;
  }

  /** Inclusive input tokens: message_start's counts, unless message_delta reports final ones. */
  private static Long inputTokens(JsonNode start, JsonNode delta) {
    JsonNode source = delta != null && delta.path("input_tokens").isNumber() ? delta : start;
    if (source == null || !source.path("input_tokens").isNumber()) {
      return null;
    }
    return source.path("input_tokens").asLong() + source.path("cache_read_input_tokens").asLong(0)
        + source.path("cache_creation_input_tokens").asLong(0);
  }

  private static Long cache(JsonNode start, JsonNode delta, String field) {
    if (delta != null && delta.path(field).isNumber()) {
      return delta.path(field).asLong();
    }
    return start != null && start.path(field).isNumber() ? start.path(field).asLong() : null;
  }
}
