package io.sightline.ingest;

/**
 * Bounds the request bytes being decoded at once. Decoding expands a body several-fold in memory
 * before the write queue's own bound applies, so without this many large concurrent exports could
 * exhaust the heap. A body larger than the whole budget is still let in when nothing else is being
 * decoded, so no request is refused forever.
 */
final class DecodeBudget {
  private final long maxBytes;
  private long inUse;

  DecodeBudget(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Reserves room for a body; false when the budget is spent (the client should retry later). */
  synchronized boolean tryReserve(long bytes) {
    if (inUse > 0 && inUse + bytes > maxBytes) {
      return false;
    }
    inUse += bytes;
    return true;
  }

  synchronized void release(long bytes) {
    inUse -= bytes;
  }
}
