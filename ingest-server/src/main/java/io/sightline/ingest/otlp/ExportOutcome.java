package io.sightline.ingest.otlp;

import java.time.Duration;

/** How one export request ended; each transport maps it to its own status codes. */
public sealed interface ExportOutcome {

  /** Stored, except {@code rejected} items refused for the reason in {@code message}. */
  record Accepted(long rejected, String message) implements ExportOutcome {}

  /** Undecodable request: INVALID_ARGUMENT / 400. Nothing stored. */
  record Invalid(String message) implements ExportOutcome {}

  /** No credentials or unknown key: UNAUTHENTICATED / 401. Nothing stored. */
  record Unauthenticated(String message) implements ExportOutcome {}

  /** The queue is full: RESOURCE_EXHAUSTED / 429 with retry advice. Nothing stored. */
  record Overloaded(String message, Duration retryAfter) implements ExportOutcome {}

  /** The store failed: UNAVAILABLE / 503 with retry advice. Nothing acknowledged. */
  record Unavailable(String message, Duration retryAfter) implements ExportOutcome {}
}
