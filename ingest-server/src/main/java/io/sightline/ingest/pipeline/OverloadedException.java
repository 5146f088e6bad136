package io.sightline.ingest.pipeline;

import java.time.Duration;

/** The queue is full: the client should retry after {@link #retryAfter()}. Nothing was kept. */
public final class OverloadedException extends RuntimeException {
  private final Duration retryAfter;

  OverloadedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
