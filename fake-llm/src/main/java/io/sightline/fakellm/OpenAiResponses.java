package io.sightline.fakellm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/** OpenAI Responses API ({@code /v1/responses}) bodies and event streams. */
final class OpenAiResponses {
  private final ObjectMapper mapper;
  private int sequence;

  OpenAiResponses(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode response(Answer a) {
    ObjectNode root = envelope(a, a.reply().kind() == Reply.Kind.TRUNCATED ? "incomplete" : "completed");
    ArrayNode output = root.putArray("output");
    if (a.reply().kind() == Reply.Kind.TOOL_CALLS) {
      for (int i = 0; i < a.reply().toolCalls().size(); i++) {
        output.add(functionCall(a, i, a.reply().toolCalls().get(i).argumentsJson(), "completed"));
      }
    } else {
      output.add(message(a, a.reply().text(), "completed"));
    }
    root.set("usage", usage(a));
    return root;
  }

  void stream(Answer a, Sse sse) throws IOException {
    sequence = 0;
    ObjectNode inProgress = envelope(a, "in_progress");
    inProgress.putArray("output");
    inProgress.putNull("usage");
    Sse.pause(a.reply().firstChunkDelay());
    sse.send("response.created", event("response.created").set("response", inProgress));
    sse.send("response.in_progress", event("response.in_progress").set("response", inProgress));
    if (a.reply().kind() == Reply.Kind.TOOL_CALLS) {
      List<ToolCall> calls = a.reply().toolCalls();
      for (int i = 0; i < calls.size(); i++) {
        String itemId = a.toolCallId("fc_fake_", i);
        sse.send("response.output_item.added", event("response.output_item.added").put("output_index", i)
            .set("item", functionCall(a, i, "", "in_progress")));
        Sse.pause(a.reply().chunkDelay());
        sse.send("response.function_call_arguments.delta", event("response.function_call_arguments.delta")
            .put("item_id", itemId).put("output_index", i).put("delta", calls.get(i).argumentsJson()));
        sse.send("response.function_call_arguments.done", event("response.function_call_arguments.done")
            .put("item_id", itemId).put("output_index", i).put("name", calls.get(i).name())
            .put("arguments", calls.get(i).argumentsJson()));
        sse.send("response.output_item.done", event("response.output_item.done").put("output_index", i)
            .set("item", functionCall(a, i, calls.get(i).argumentsJson(), "completed")));
      }
    } else {
      String itemId = a.id("msg_fake_");
      ObjectNode emptyMessage = message(a, "", "in_progress");
      emptyMessage.putArray("content");
      sse.send("response.output_item.added",
          event("response.output_item.added").put("output_index", 0).set("item", emptyMessage));
      sse.send("response.content_part.added", event("response.content_part.added").put("item_id", itemId)
          .put("output_index", 0).put("content_index", 0).set("part", outputText("")));
      for (String piece : a.reply().chunks()) {
        Sse.pause(a.reply().chunkDelay());
        ObjectNode delta = event("response.output_text.delta").put("item_id", itemId).put("output_index", 0)
            .put("content_index", 0).put("delta", piece);
        delta.putArray("logprobs");
        sse.send("response.output_text.delta", delta);
      }
      ObjectNode textDone = event("response.output_text.done").put("item_id", itemId).put("output_index", 0)
          .put("content_index", 0).put("text", a.reply().text());
      textDone.putArray("logprobs");
      sse.send("response.output_text.done", textDone);
      sse.send("response.content_part.done", event("response.content_part.done").put("item_id", itemId)
          .put("output_index", 0).put("content_index", 0).set("part", outputText(a.reply().text())));
      sse.send("response.output_item.done", event("response.output_item.done").put("output_index", 0)
          .set("item", message(a, a.reply().text(), "completed")));
    }
    ObjectNode done = response(a);
    String type = a.reply().kind() == Reply.Kind.TRUNCATED ? "response.incomplete" : "response.completed";
    sse.send(type, event(type).set("response", done));
  }

  private ObjectNode event(String type) {
    return mapper.createObjectNode().put("type", type).put("sequence_number", sequence++);
  }

  private ObjectNode envelope(Answer a, String status) {
    ObjectNode root = mapper.createObjectNode();
    root.put("id", a.id("resp_fake_"));
    root.put("object", "response");
    root.put("created_at", Answer.CREATED);
    root.put("status", status);
    root.putNull("error");
    if ("incomplete".equals(status)) {
      root.putObject("incomplete_details").put("reason", "max_output_tokens");
    } else {
      root.putNull("incomplete_details");
    }
    root.putNull("instructions");
    root.putNull("max_output_tokens");
    root.put("model", a.model());
    root.put("parallel_tool_calls", true);
    root.putNull("previous_response_id");
    root.put("store", true);
    root.put("temperature", a.request().json().path("temperature").asDouble(1.0));
    root.putObject("text").putObject("format").put("type", "text");
    root.put("tool_choice", "auto");
    root.putArray("tools");
    root.put("top_p", a.request().json().path("top_p").asDouble(1.0));
    root.put("truncation", "disabled");
    root.putNull("user");
    root.putObject("metadata");
    return root;
  }

  private ObjectNode message(Answer a, String text, String status) {
    ObjectNode item = mapper.createObjectNode();
    item.put("type", "message");
    item.put("id", a.id("msg_fake_"));
    item.put("status", status);
    item.put("role", "assistant");
    item.putArray("content").add(outputText(text));
    return item;
  }

  private ObjectNode outputText(String text) {
    ObjectNode part = mapper.createObjectNode().put("type", "output_text").put("text", text);
    part.putArray("annotations");
    part.putArray("logprobs");
    return part;
  }

  private ObjectNode functionCall(Answer a, int index, String arguments, String status) {
    ToolCall call = a.reply().toolCalls().get(index);
    return mapper.createObjectNode()
        .put("type", "function_call")
        .put("id", a.toolCallId("fc_fake_", index))
        .put("call_id", a.toolCallId("call_fake_", index))
        .put("name", call.name())
        .put("arguments", arguments)
        .put("status", status);
  }

  private ObjectNode usage(Answer a) {
    ObjectNode usage = mapper.createObjectNode();
    usage.put("input_tokens", a.inputTokens());
    usage.putObject("input_tokens_details").put("cached_tokens", a.cacheReadTokens());
    usage.put("output_tokens", a.outputTokens());
    usage.putObject("output_tokens_details").put("reasoning_tokens", a.reasoningTokens());
    usage.put("total_tokens", a.inputTokens() + a.outputTokens());
    return usage;
  }
}
