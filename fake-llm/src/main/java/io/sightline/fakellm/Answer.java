package io.sightline.fakellm;

import java.util.Map;

/**
 * A reply resolved against its request: ids, reported model and the usage numbers every wire
 * format derives its fields from.
 */
record Answer(
    Reply reply, LlmRequest request, long seq, String model,
    int inputTokens, int outputTokens, int cacheReadTokens, int cacheWriteTokens, int reasoningTokens) {

  /** Fixed creation time so that responses are byte-for-byte reproducible. */
  static final long CREATED = 1_735_689_600L;

  private static final Map<String, String> SNAPSHOTS = Map.of(
      "gpt-4o-mini", "gpt-4o-mini-2024-07-18",
      "gpt-4o", "gpt-4o-2024-08-06",
      "gpt-4.1-mini", "gpt-4.1-mini-2025-04-14",
      "claude-3-5-haiku-latest", "claude-3-5-haiku-20241022",
      "claude-sonnet-4-0", "claude-sonnet-4-20250514");

  static Answer of(Reply reply, LlmRequest request, long seq) {
    String requested = request.model();
    String model = reply.model() != null ? reply.model() : SNAPSHOTS.getOrDefault(requested, requested);
    int input = reply.inputTokens() != null
        ? reply.inputTokens()
        : estimate(request.allText()) + 8 + reply.cacheReadTokens() + reply.cacheWriteTokens();
    StringBuilder produced = new StringBuilder(reply.text());
    reply.toolCalls().forEach(c -> produced.append(c.name()).append(c.argumentsJson()));
    int output = reply.outputTokens() != null
        ? reply.outputTokens()
        : estimate(produced.toString()) + 1 + reply.reasoningTokens();
    return new Answer(reply, request, seq, model, input, output,
        reply.cacheReadTokens(), reply.cacheWriteTokens(), reply.reasoningTokens());
  }

  /** About four characters per token, as providers' rule of thumb. */
  static int estimate(String text) {
    return (text.length() + 3) / 4;
  }

  String id(String prefix) {
    return String.format("%s%06d", prefix, seq);
  }

  String toolCallId(String prefix, int index) {
    return String.format("%s%06d_%d", prefix, seq, index);
  }
}
