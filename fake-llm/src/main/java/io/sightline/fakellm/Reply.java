package io.sightline.fakellm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the fake server answers to one request. Immutable; the {@code with*} methods return copies.
 *
 * <p>Kinds: {@link #text} (finish reason {@code stop}/{@code end_turn}), {@link #truncated} (finish
 * reason {@code length}/{@code max_tokens}), {@link #toolCalls}, {@link #error} (any HTTP status
 * with a provider-shaped error body, optionally {@code retry-after}) and {@link #hang} (no answer
 * until the delay has passed, to trigger client read time-outs).
 *
 * <p>Token usage follows OpenTelemetry's inclusive semantics: {@code inputTokens} includes cached
 * tokens and {@code outputTokens} includes reasoning tokens. Each wire format then reports them the
 * way the provider does (Anthropic's {@code input_tokens} excludes cache reads and writes). Unset
 * counts are estimated from the text (about four characters per token).
 */
public record Reply(
    Kind kind,
    String text,
    List<ToolCall> toolCalls,
    int status,
    Integer retryAfterSeconds,
    Duration hang,
    String model,
    Integer inputTokens,
    Integer outputTokens,
    int cacheReadTokens,
    int cacheWriteTokens,
    int reasoningTokens,
    Duration firstChunkDelay,
    Duration chunkDelay,
    int chunkCount) {

  /** The kind of reply. */
  public enum Kind { TEXT, TRUNCATED, TOOL_CALLS, ERROR, HANG }

  public Reply {
    Objects.requireNonNull(kind, "kind");
    text = text == null ? "" : text;
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(firstChunkDelay, "firstChunkDelay");
    Objects.requireNonNull(chunkDelay, "chunkDelay");
    if (chunkCount < 1) {
      throw new IllegalArgumentException("chunkCount must be >= 1, was " + chunkCount);
    }
    if (kind == Kind.ERROR && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("error status must be 4xx or 5xx, was " + status);
    }
  }

  /** An answer with this text and finish reason {@code stop}. */
  public static Reply text(String text) {
    return new Reply(Kind.TEXT, text, List.of(), 200, null, null, null, null, null, 0, 0, 0,
        Duration.ZERO, Duration.ZERO, 4);
  }

  /** An answer cut off by the token limit: finish reason {@code length} ({@code max_tokens}). */
  public static Reply truncated(String partialText) {
    return text(partialText).withKind(Kind.TRUNCATED);
  }

  /** An assistant turn that calls one tool (finish reason {@code tool_calls} / {@code tool_use}). */
  public static Reply toolCall(String name, String argumentsJson) {
    return toolCalls(List.of(new ToolCall(name, argumentsJson)));
  }

  /** An assistant turn that calls several tools in parallel. */
  public static Reply toolCalls(List<ToolCall> calls) {
    if (calls.isEmpty()) {
      throw new IllegalArgumentException("toolCalls needs at least one call");
    }
    return new Reply(Kind.TOOL_CALLS, "", calls, 200, null, null, null, null, null, 0, 0, 0,
        Duration.ZERO, Duration.ZERO, 4);
  }

  /** An HTTP error with a provider-shaped body. */
  public static Reply error(int status) {
    return new Reply(Kind.ERROR, "", List.of(), status, null, null, null, null, null, 0, 0, 0,
        Duration.ZERO, Duration.ZERO, 1);
  }

  /** HTTP 429 with {@code retry-after: seconds}. */
  public static Reply rateLimited(int retryAfterSeconds) {
    return error(429).withRetryAfter(retryAfterSeconds);
  }

  /** HTTP 500. */
  public static Reply serverError() {
    return error(500);
  }

  /** Say nothing for {@code delay} (then answer a short text), to trigger client read time-outs. */
  public static Reply hang(Duration delay) {
    return new Reply(Kind.HANG, "too late", List.of(), 200, null, delay, null, null, null, 0, 0, 0,
        Duration.ZERO, Duration.ZERO, 1);
  }

  /** The {@code model} reported in the response (default: the request's model, or its dated snapshot). */
  public Reply withModel(String responseModel) {
    return new Reply(kind, text, toolCalls, status, retryAfterSeconds, hang, responseModel,
        inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, reasoningTokens,
        firstChunkDelay, chunkDelay, chunkCount);
  }

  /** Fixed usage (inclusive input and output counts). */
  public Reply withUsage(int input, int output) {
    return new Reply(kind, text, toolCalls, status, retryAfterSeconds, hang, model, input, output,
        cacheReadTokens, cacheWriteTokens, reasoningTokens, firstChunkDelay, chunkDelay, chunkCount);
  }

  /** Prompt-cache reads and writes, both part of the input count. */
  public Reply withCache(int readTokens, int writeTokens) {
    return new Reply(kind, text, toolCalls, status, retryAfterSeconds, hang, model, inputTokens,
        outputTokens, readTokens, writeTokens, reasoningTokens, firstChunkDelay, chunkDelay, chunkCount);
  }

  /** Reasoning tokens, part of the output count (OpenAI formats only). */
  public Reply withReasoningTokens(int tokens) {
    return new Reply(kind, text, toolCalls, status, retryAfterSeconds, hang, model, inputTokens,
        outputTokens, cacheReadTokens, cacheWriteTokens, tokens, firstChunkDelay, chunkDelay, chunkCount);
  }

  /** Streaming timing: wait {@code first} before the first event and {@code between} between chunks. */
  public Reply withStreamTiming(Duration first, Duration between) {
    return new Reply(kind, text, toolCalls, status, retryAfterSeconds, hang, model, inputTokens,
        outputTokens, cacheReadTokens, cacheWriteTokens, reasoningTokens, first, between, chunkCount);
  }

  /** How many content chunks a streamed text is split into (default 4). */
  public Reply withChunks(int count) {
    return new Reply(kind, text, toolCalls, status, retryAfterSeconds, hang, model, inputTokens,
        outputTokens, cacheReadTokens, cacheWriteTokens, reasoningTokens, firstChunkDelay, chunkDelay, count);
  }

  /** Adds {@code retry-after} to an error reply. */
  public Reply withRetryAfter(int seconds) {
    return new Reply(kind, text, toolCalls, status, seconds, hang, model, inputTokens, outputTokens,
        cacheReadTokens, cacheWriteTokens, reasoningTokens, firstChunkDelay, chunkDelay, chunkCount);
  }

  private Reply withKind(Kind newKind) {
    return new Reply(newKind, text, toolCalls, status, retryAfterSeconds, hang, model, inputTokens,
        outputTokens, cacheReadTokens, cacheWriteTokens, reasoningTokens, firstChunkDelay, chunkDelay, chunkCount);
  }

  /** The text split into {@link #chunkCount} pieces on word boundaries where possible. */
  List<String> chunks() {
    if (text.isEmpty()) {
      return List.of();
    }
    int n = Math.min(chunkCount, text.length());
    java.util.ArrayList<String> out = new java.util.ArrayList<>(n);
    int start = 0;
    for (int i = 1; i <= n; i++) {
      int end = i == n ? text.length() : Math.max(start + 1, text.length() * i / n);
      out.add(text.substring(start, end));
      start = end;
    }
    return out;
  }
}
