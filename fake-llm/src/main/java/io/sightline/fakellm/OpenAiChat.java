package io.sightline.fakellm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/** OpenAI {@code /v1/chat/completions} bodies and chunk streams. */
final class OpenAiChat {
  private final ObjectMapper mapper;

  OpenAiChat(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode completion(Answer a) {
    ObjectNode root = header(a, "chat.completion");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    if (a.reply().kind() == Reply.Kind.TOOL_CALLS) {
      message.putNull("content");
      ArrayNode calls = message.putArray("tool_calls");
      List<ToolCall> toolCalls = a.reply().toolCalls();
      for (int i = 0; i < toolCalls.size(); i++) {
        ObjectNode call = calls.addObject();
        call.put("id", a.toolCallId("call_fake_", i));
        call.put("type", "function");
        call.putObject("function").put("name", toolCalls.get(i).name())
            .put("arguments", toolCalls.get(i).argumentsJson());
      }
    } else {
      message.put("content", a.reply().text());
    }
    message.putNull("refusal");
    message.putArray("annotations");
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason(a.reply()));
    root.set("usage", usage(a));
    return root;
  }

  void stream(Answer a, Sse sse) throws IOException {
    boolean includeUsage = a.request().includeUsage();
    Sse.pause(a.reply().firstChunkDelay());
    if (a.reply().kind() == Reply.Kind.TOOL_CALLS) {
      List<ToolCall> calls = a.reply().toolCalls();
      for (int i = 0; i < calls.size(); i++) {
        ObjectNode delta = mapper.createObjectNode();
        if (i == 0) {
          delta.put("role", "assistant");
          delta.putNull("content");
        }
        ObjectNode call = delta.putArray("tool_calls").addObject();
        call.put("index", i).put("id", a.toolCallId("call_fake_", i)).put("type", "function");
        call.putObject("function").put("name", calls.get(i).name()).put("arguments", "");
        sse.send(null, chunk(a, delta, null, includeUsage));
        String args = calls.get(i).argumentsJson();
        int half = args.length() / 2;
        for (String piece : new String[] {args.substring(0, half), args.substring(half)}) {
          Sse.pause(a.reply().chunkDelay());
          ObjectNode argDelta = mapper.createObjectNode();
          argDelta.putArray("tool_calls").addObject().put("index", i)
              .putObject("function").put("arguments", piece);
          sse.send(null, chunk(a, argDelta, null, includeUsage));
        }
      }
    } else {
      sse.send(null, chunk(a, mapper.createObjectNode().put("role", "assistant").put("content", ""),
          null, includeUsage));
      for (String piece : a.reply().chunks()) {
        Sse.pause(a.reply().chunkDelay());
        sse.send(null, chunk(a, mapper.createObjectNode().put("content", piece), null, includeUsage));
      }
    }
    sse.send(null, chunk(a, mapper.createObjectNode(), finishReason(a.reply()), includeUsage));
    if (includeUsage) {
      ObjectNode last = header(a, "chat.completion.chunk");
      last.putArray("choices");
      last.set("usage", usage(a));
      sse.send(null, last);
    }
    sse.done();
  }

  private ObjectNode chunk(Answer a, ObjectNode delta, String finishReason, boolean includeUsage) {
    ObjectNode root = header(a, "chat.completion.chunk");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    if (includeUsage) {
      root.putNull("usage");
    }
    return root;
  }

  private ObjectNode header(Answer a, String object) {
    ObjectNode root = mapper.createObjectNode();
    root.put("id", a.id("chatcmpl-fake-"));
    root.put("object", object);
    root.put("created", Answer.CREATED);
    root.put("model", a.model());
    root.put("service_tier", "default");
    root.put("system_fingerprint", "fp_fake");
    return root;
  }

  private ObjectNode usage(Answer a) {
    ObjectNode usage = mapper.createObjectNode();
    usage.put("prompt_tokens", a.inputTokens());
    usage.put("completion_tokens", a.outputTokens());
    usage.put("total_tokens", a.inputTokens() + a.outputTokens());
    usage.putObject("prompt_tokens_details").put("cached_tokens", a.cacheReadTokens()).put("audio_tokens", 0);
    usage.putObject("completion_tokens_details").put("reasoning_tokens", a.reasoningTokens())
        .put("audio_tokens", 0).put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
    return usage;
  }

  private static String finishReason(Reply reply) {
    return switch (reply.kind()) {
      case TOOL_CALLS -> "tool_calls";
      case TRUNCATED -> "length";
      default -> "stop";
    };
  }
}
