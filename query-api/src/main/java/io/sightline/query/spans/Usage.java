package io.sightline.query.spans;

/** Token counts; input is inclusive of cache reads, output inclusive of reasoning (OTel). */
public record Usage(long inputTokens, long outputTokens, long totalTokens, long cacheReadTokens,
    long cacheWriteTokens, long reasoningTokens) {
  public static final Usage ZERO = new Usage(0, 0, 0, 0, 0, 0);

  public Usage plus(Usage o) {
    return new Usage(inputTokens + o.inputTokens, outputTokens + o.outputTokens,
        totalTokens + o.totalTokens, cacheReadTokens + o.cacheReadTokens,
        cacheWriteTokens + o.cacheWriteTokens, reasoningTokens + o.reasoningTokens);
  }
}
