package io.sightline.ingest.pipeline;

import io.sightline.clickhouse.ClickHouseException;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.format.InsertBatch;
import io.sightline.clickhouse.tables.LogEventRow;
import io.sightline.clickhouse.tables.LogEventsTable;
import io.sightline.clickhouse.tables.SpanContentRow;
import io.sightline.clickhouse.tables.SpanContentTable;
import io.sightline.clickhouse.tables.SpanRow;
import io.sightline.clickhouse.tables.SpansTable;
import io.sightline.ingest.metrics.IngestMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From accepted rows to committed rows. Callers {@link #prepare} (deduplicate and encode, on
 * their own thread), then {@link #submit}: the request joins a bounded queue, writer threads
 * gather queued requests into large batches (by count and by time) and insert them, and the
 * request's future completes only when every row of it is committed. A full queue refuses new
 * work at once ({@link OverloadedException}); a failed batch fails every request in it
 * ({@link StoreUnavailableException}) and forgets their span keys, so the clients' retries are
 * written, not dropped as duplicates.
 *
 * <p>Order inside a batch: content and log events first, spans last, because materialized views
 * on {@code spans} roll up usage and cost — a batch that fails before its spans are committed
 * has counted nothing.
 */
public final class IngestPipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);

  private final ClickHouseGateway gateway;
  private final PipelineSettings settings;
  private final IngestMetrics metrics;
  private final RecentSpanKeys recentKeys;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final AtomicLong queuedSpans = new AtomicLong();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<Thread> writers = new ArrayList<>();

  private record Pending(PreparedWrite write, CompletableFuture<Void> done, long queuedAtNanos) {}

  /** Queued by {@link #close} to wake writers waiting for more work, so they flush at once. */
  private static final Pending WAKE_UP = new Pending(null, null, 0);

  public IngestPipeline(ClickHouseGateway gateway, PipelineSettings settings, IngestMetrics metrics) {
    this.gateway = gateway;
    this.settings = settings;
    this.metrics = metrics;
    this.recentKeys = new RecentSpanKeys(settings.dedupCapacity());
    metrics.gauge("sightline_ingest_queue_spans", queuedSpans::get);
    metrics.gauge("sightline_ingest_queue_bytes", queuedBytes::get);
    metrics.gauge("sightline_ingest_queue_capacity_spans", settings::queueMaxSpans);
    for (int i = 0; i < settings.writers(); i++) {
      Thread t = Thread.ofPlatform().name("sightline-writer-" + i).start(this::writeLoop);
      writers.add(t);
    }
  }

  /**
   * Drops spans written recently (or in flight) and encodes the rest for insert. Content rows
   * of dropped spans are dropped with them; log events are kept (their table deduplicates).
   */
  public PreparedWrite prepare(List<SpanRow> spans, List<SpanContentRow> content, List<LogEventRow> logEvents) {
    List<SpanRow> fresh = new ArrayList<>(spans.size());
    long[] keys = new long[spans.size()];
    int n = 0;
    Set<String> kept = new HashSet<>();
    for (SpanRow s : spans) {
      long key = RecentSpanKeys.key(s.traceId(), s.spanId());
      if (recentKeys.add(key)) {
        keys[n++] = key;
        fresh.add(s);
        kept.add(s.traceId() + s.spanId());
      }
    }
    int duplicates = spans.size() - fresh.size();
    List<SpanContentRow> freshContent = content.stream()
        .filter(c -> kept.contains(c.traceId() + c.spanId())).toList();
    try {
      return new PreparedWrite(
          fresh.isEmpty() ? null : SpansTable.batch(fresh, settings.insertFormat()),
          freshContent.isEmpty() ? null : SpanContentTable.batch(freshContent, settings.insertFormat()),
          logEvents.isEmpty() ? null : LogEventsTable.batch(logEvents, settings.insertFormat()),
          java.util.Arrays.copyOf(keys, n), duplicates);
    } catch (RuntimeException e) {
      release(java.util.Arrays.copyOf(keys, n));
      throw e;
    }
  }

  /**
   * Queues the write. The future completes when all of it is committed, or fails with
   * {@link StoreUnavailableException}. Throws {@link OverloadedException} when the queue is
   * full, and {@link IllegalStateException} after {@link #close}.
   */
  public CompletableFuture<Void> submit(PreparedWrite w) {
    if (w.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    if (closed.get()) {
      release(w.spanKeys);
      throw new IllegalStateException("shutting down");
    }
    long spans = queuedSpans.addAndGet(w.spanCount);
    long bytes = queuedBytes.addAndGet(w.bytes);
    // A write larger than the whole queue is still let in when the queue is empty, so one big
    // export is never refused forever; memory stays bounded by one request beyond the limit.
    boolean alone = spans == w.spanCount && bytes == w.bytes;
    if (!alone && (spans > settings.queueMaxSpans() || bytes > settings.queueMaxBytes())) {
      queuedSpans.addAndGet(-w.spanCount);
      queuedBytes.addAndGet(-w.bytes);
      release(w.spanKeys);
      throw new OverloadedException("ingest queue is full (" + (spans - w.spanCount) + " spans, "
          + (bytes - w.bytes) / 1_048_576 + " MiB waiting); retry after "
          + settings.retryAfter().toSeconds() + "s", settings.retryAfter());
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.add(new Pending(w, done, System.nanoTime()));
    return done;
  }

  public long queuedSpans() {
    return queuedSpans.get();
  }

  private void release(long[] keys) {
    for (long k : keys) {
      recentKeys.remove(k);
    }
  }

  private void writeLoop() {
    long maxDelay = settings.batchMaxDelay().toNanos();
    while (true) {
      Pending first;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (first == null || first == WAKE_UP) {
        if (closed.get() && queue.isEmpty()) {
          return;
        }
        continue;
      }
      List<Pending> batch = new ArrayList<>();
      batch.add(first);
      int spans = first.write.spanCount;
      long deadline = first.queuedAtNanos + maxDelay;
      while (spans < settings.batchMaxSpans()) {
        long wait = closed.get() ? 0 : deadline - System.nanoTime();
        Pending next;
        try {
          next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
        } catch (InterruptedException e) {
          next = null;
        }
        if (next == null || next == WAKE_UP) {
          break;
        }
        batch.add(next);
        spans += next.write.spanCount;
      }
      write(batch, spans);
    }
  }

  private void write(List<Pending> batch, int spans) {
    long bytes = batch.stream().mapToLong(p -> p.write.bytes).sum();
    long start = System.nanoTime();
    ClickHouseException failure = null;
    for (int attempt = 1; attempt <= settings.insertAttempts(); attempt++) {
      try {
        insert(batch, w -> w.content);
        insert(batch, w -> w.logEvents);
        insert(batch, w -> w.spans);
        failure = null;
        break;
      } catch (ClickHouseException e) {
        failure = e;
        if (!e.isTransient() || attempt == settings.insertAttempts()) {
          break;
        }
        LOG.warn("insert of {} spans failed (attempt {}): {}; retrying", spans, attempt, e.getMessage());
        sleep(200L * attempt * attempt);
      }
    }
    queuedSpans.addAndGet(-spans);
    queuedBytes.addAndGet(-bytes);
    if (failure == null) {
      double seconds = (System.nanoTime() - start) / 1e9;
      metrics.batchWritten(spans, seconds);
      metrics.accepted("spans", spans);
      batch.forEach(p -> p.done.complete(null));
      return;
    }
    LOG.error("could not write {} spans of {} requests: {}", spans, batch.size(), failure.getMessage());
    metrics.rejected("spans", "store_unavailable", spans);
    StoreUnavailableException e = new StoreUnavailableException(
        "ClickHouse did not store the batch: " + failure.getMessage(), settings.retryAfter(), failure);
    for (Pending p : batch) {
      release(p.write.spanKeys);
      p.done.completeExceptionally(e);
    }
  }

  private void insert(List<Pending> batch, Function<PreparedWrite, InsertBatch> part) {
    List<InsertBatch> parts = new ArrayList<>();
    for (Pending p : batch) {
      InsertBatch b = part.apply(p.write);
      if (b != null) {
        parts.add(b);
      }
    }
    if (!parts.isEmpty()) {
      gateway.insert(InsertBatch.concat(parts));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Refuses new work, writes everything queued, and waits for the writers (bounded). */
  public void close(java.time.Duration timeout) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    writers.forEach(t -> queue.add(WAKE_UP));
    for (Thread t : writers) {
      try {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (!queue.isEmpty()) {
      LOG.error("shutdown timed out with {} spans unwritten; their exports were not acknowledged",
          queuedSpans.get());
      for (Pending p; (p = queue.poll()) != null; ) {
        if (p == WAKE_UP) {
          continue;
        }
        p.done.completeExceptionally(new StoreUnavailableException("shutting down", settings.retryAfter(), null));
      }
    }
  }

  @Override
  public void close() {
    close(java.time.Duration.ofSeconds(20));
  }
}
