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
import java.util.concurrent.ConcurrentHashMap;
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
 * written, not dropped as duplicates. A re-sent span whose first copy is still being written is
 * not written again, but its request waits for that write and fails with it: nothing is
 * acknowledged before it is stored.
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
  /** Keys of spans being written now, to the future of the write carrying them. */
  private final ConcurrentHashMap<Long, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
  private final Object reserving = new Object();
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final AtomicLong queuedSpans = new AtomicLong();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<Thread> writers = new ArrayList<>();

  private record Pending(PreparedWrite write, long queuedAtNanos) {}

  /** Queued by {@link #close} to wake writers waiting for more work, so they flush at once. */
  private static final Pending WAKE_UP = new Pending(null, 0);

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
    CompletableFuture<Void> done = new CompletableFuture<>();
    Set<CompletableFuture<Void>> awaited = new HashSet<>();
    // One lock over reserving a key and naming its write, so a re-sent span always finds the
    // write of its first copy while that is in flight.
    synchronized (reserving) {
      for (SpanRow s : spans) {
        long key = RecentSpanKeys.key(s.traceId(), s.spanId());
        if (recentKeys.add(key)) {
          keys[n++] = key;
          fresh.add(s);
          kept.add(s.traceId() + s.spanId());
          inFlight.put(key, done);
        } else {
          CompletableFuture<Void> first = inFlight.get(key);
          if (first != null && first != done) {
            awaited.add(first);
          }
        }
      }
    }
    long[] reserved = java.util.Arrays.copyOf(keys, n);
    int duplicates = spans.size() - fresh.size();
    List<SpanContentRow> freshContent = content.stream()
        .filter(c -> kept.contains(c.traceId() + c.spanId())).toList();
    try {
      return new PreparedWrite(
          fresh.isEmpty() ? null : SpansTable.batch(fresh, settings.insertFormat()),
          freshContent.isEmpty() ? null : SpanContentTable.batch(freshContent, settings.insertFormat()),
          logEvents.isEmpty() ? null : LogEventsTable.batch(logEvents, settings.insertFormat()),
          reserved, duplicates, done, List.copyOf(awaited));
    } catch (RuntimeException e) {
      failed(reserved, done, new StoreUnavailableException("could not encode the export", settings.retryAfter(), e));
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
      w.done.complete(null);
      return withAwaited(w);
    }
    if (closed.get()) {
      failed(w.spanKeys, w.done, new StoreUnavailableException("shutting down", settings.retryAfter(), null));
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
      OverloadedException e = new OverloadedException("ingest queue is full (" + (spans - w.spanCount)
          + " spans, " + (bytes - w.bytes) / 1_048_576 + " MiB waiting); retry after "
          + settings.retryAfter().toSeconds() + "s", settings.retryAfter());
      failed(w.spanKeys, w.done, new StoreUnavailableException(e.getMessage(), settings.retryAfter(), e));
      throw e;
    }
    queue.add(new Pending(w, System.nanoTime()));
    return withAwaited(w);
  }

  /** The request's own write, and the in-flight writes of the spans it re-sent. */
  private static CompletableFuture<Void> withAwaited(PreparedWrite w) {
    if (w.awaited.isEmpty()) {
      return w.done;
    }
    List<CompletableFuture<Void>> all = new ArrayList<>(w.awaited);
    all.add(w.done);
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  /** Ends a write that was not stored: its keys are forgotten and its waiters fail with it. */
  private void failed(long[] keys, CompletableFuture<Void> done, StoreUnavailableException e) {
    for (long k : keys) {
      inFlight.remove(k, done);
      recentKeys.remove(k);
    }
    done.completeExceptionally(e);
  }

  private void stored(long[] keys, CompletableFuture<Void> done) {
    for (long k : keys) {
      inFlight.remove(k, done);
    }
    done.complete(null);
  }

  public long queuedSpans() {
    return queuedSpans.get();
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
    RuntimeException failure = null;
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
      } catch (RuntimeException | OutOfMemoryError e) {
        // Anything else must still fail this batch and keep the writer alive: its requests
        // would otherwise wait forever and their queue space never come back.
        failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        break;
      }
    }
    queuedSpans.addAndGet(-spans);
    queuedBytes.addAndGet(-bytes);
    if (failure == null) {
      double seconds = (System.nanoTime() - start) / 1e9;
      metrics.batchWritten(spans, seconds);
      metrics.accepted("spans", spans);
      batch.forEach(p -> stored(p.write.spanKeys, p.write.done));
      return;
    }
    LOG.error("could not write {} spans of {} requests: {}", spans, batch.size(), failure.toString());
    metrics.rejected("spans", "store_unavailable", spans);
    StoreUnavailableException e = new StoreUnavailableException(
        "ClickHouse did not store the batch: " + failure.getMessage(), settings.retryAfter(), failure);
    for (Pending p : batch) {
      failed(p.write.spanKeys, p.write.done, e);
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
        failed(p.write.spanKeys, p.write.done,
            new StoreUnavailableException("shutting down", settings.retryAfter(), null));
      }
    }
  }

  @Override
  public void close() {
    close(java.time.Duration.ofSeconds(20));
  }
}
