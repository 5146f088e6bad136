package io.sightline.extension.openai;

import io.sightline.extension.genai.Messages;
import java.util.TreeMap;

/** One choice re-assembled from chat-completion chunk deltas (content capture only). */
final class StreamedChoice {
  final StringBuilder text = new StringBuilder();
  final TreeMap<Long, String[]> toolCalls = new TreeMap<>();
  String finishReason;

  void toolCall(long index, String id, String name, String argumentsDelta) {
    String[] call = toolCalls.get(index);
    if (call == null) {
      call = new String[] {null, null, ""};
      toolCalls.put(index, call);
    }
    if (id != null) {
      call[0] = id;
    }
    if (name != null) {
      call[1] = name;
    }
    if (argumentsDelta != null) {
      call[2] = call[2] + argumentsDelta;
    }
  }

  void appendTo(Messages out) {
    if (text.length() > 0) {
      out.text(text.toString());
    }
    for (String[] call : toolCalls.values()) {
      out.toolCall(call[0], call[1], call[2]);
    }
  }
}
