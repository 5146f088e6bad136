package io.sightline.ingest.pipeline;

import io.sightline.clickhouse.format.InsertBatch;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * The rows of one export request, deduplicated and encoded on the caller's thread, ready to be
 * queued. Holds the span keys it reserved, so a failed write can release them, the future its own
 * rows complete, and the futures of the writes still carrying the spans it found to be re-sent.
 */
public final class PreparedWrite {
  final InsertBatch spans;
  final InsertBatch content;
  final InsertBatch logEvents;
  final long[] spanKeys;
  final int spanCount;
  final int duplicates;
  final long bytes;
  final CompletableFuture<Void> done;
  final Collection<CompletableFuture<Void>> awaited;

  PreparedWrite(InsertBatch spans, InsertBatch content, InsertBatch logEvents, long[] spanKeys,
      int duplicates, CompletableFuture<Void> done, Collection<CompletableFuture<Void>> awaited) {
    this.done = done;
    this.awaited = awaited;
    this.spans = spans;
    this.content = content;
    this.logEvents = logEvents;
    this.spanKeys = spanKeys;
    this.spanCount = spans == null ? 0 : spans.rows();
    this.duplicates = duplicates;
    this.bytes = size(spans) + size(content) + size(logEvents);
  }

  private static long size(InsertBatch b) {
    return b == null ? 0 : b.data().length;
  }

  /** Spans that will be written (duplicates of recent spans excluded). */
  public int spanCount() {
    return spanCount;
  }

  /** Spans dropped because they were written recently (re-sent exports). */
  public int duplicates() {
    return duplicates;
  }

  public int logEventCount() {
    return logEvents == null ? 0 : logEvents.rows();
  }

  boolean isEmpty() {
    return spans == null && content == null && logEvents == null;
  }
}
