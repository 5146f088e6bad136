package io.sightline.ingest.pipeline;

import java.time.Duration;

/**
 * The batch holding this request could not be committed; nothing of it may be considered stored,
 * and the client should send it again (OTLP clients retry UNAVAILABLE / 503 by themselves).
 */
public final class StoreUnavailableException extends RuntimeException {
  private final Duration retryAfter;

  StoreUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
