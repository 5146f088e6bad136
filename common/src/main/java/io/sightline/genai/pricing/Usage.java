package io.sightline.genai.pricing;

/**
 * Token counts of one model call, with OpenTelemetry GenAI semantics: {@code inputTokens}
 * includes cache-read and cache-write tokens; {@code outputTokens} includes reasoning tokens.
 * Counts are never negative; an absent count is 0.
 */
public final class Usage {
  private final long inputTokens;
  private final long outputTokens;
  private final long cacheReadTokens;
  private final long cacheWriteTokens;
  private final long reasoningTokens;

  private Usage(Builder b) {
    this.inputTokens = b.inputTokens;
    this.outputTokens = b.outputTokens;
    this.cacheReadTokens = b.cacheReadTokens;
    this.cacheWriteTokens = b.cacheWriteTokens;
    this.reasoningTokens = b.reasoningTokens;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code gen_ai.usage.input_tokens}: all input, cached included. */
  public long inputTokens() {
    return inputTokens;
  }

  /** {@code gen_ai.usage.output_tokens}: all output, reasoning included. */
  public long outputTokens() {
    return outputTokens;
  }

  /** {@code gen_ai.usage.cache_read.input_tokens}. */
  public long cacheReadTokens() {
    return cacheReadTokens;
  }

  /** {@code gen_ai.usage.cache_creation.input_tokens} (renamed {@code cache_write}). */
  public long cacheWriteTokens() {
    return cacheWriteTokens;
  }

  /** {@code gen_ai.usage.reasoning.output_tokens}. */
  public long reasoningTokens() {
    return reasoningTokens;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Usage)) {
      return false;
    }
    Usage u = (Usage) o;
    return inputTokens == u.inputTokens && outputTokens == u.outputTokens
        && cacheReadTokens == u.cacheReadTokens && cacheWriteTokens == u.cacheWriteTokens
        && reasoningTokens == u.reasoningTokens;
  }

  @Override
  public int hashCode() {
    long h = inputTokens;
    h = h * 31 + outputTokens;
    h = h * 31 + cacheReadTokens;
    h = h * 31 + cacheWriteTokens;
    h = h * 31 + reasoningTokens;
    return (int) (h ^ (h >>> 32));
  }

  @Override
  public String toString() {
    return "Usage{input=" + inputTokens + ", output=" + outputTokens + ", cacheRead="
        + cacheReadTokens + ", cacheWrite=" + cacheWriteTokens + ", reasoning=" + reasoningTokens
        + "}";
  }

  public static final class Builder {
    private long inputTokens;
    private long outputTokens;
    private long cacheReadTokens;
    private long cacheWriteTokens;
    private long reasoningTokens;

    private Builder() {}

    public Builder inputTokens(long n) {
      this.inputTokens = check(n, "inputTokens");
      return this;
    }

    public Builder outputTokens(long n) {
      this.outputTokens = check(n, "outputTokens");
      return this;
    }

    public Builder cacheReadTokens(long n) {
      this.cacheReadTokens = check(n, "cacheReadTokens");
      return this;
    }

    public Builder cacheWriteTokens(long n) {
      this.cacheWriteTokens = check(n, "cacheWriteTokens");
      return this;
    }

    public Builder reasoningTokens(long n) {
      this.reasoningTokens = check(n, "reasoningTokens");
      return this;
    }

    public Usage build() {
      return new Usage(this);
    }

    private static long check(long n, String name) {
      if (n < 0) {
        throw new IllegalArgumentException(name + " must not be negative: " + n);
      }
      return n;
    }
  }
}
