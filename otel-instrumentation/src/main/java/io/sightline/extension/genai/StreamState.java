package io.sightline.extension.genai;

import java.util.Spliterator;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The life of one streamed inference. The span ends exactly once, on whichever comes first:
 * the last chunk, a failure, cancellation, an early close, or the leak guard
 * ({@code otel.instrumentation.sightline.stream.max-duration}, default 10 minutes) for streams that
 * are never consumed to the end nor closed.
 */
public final class StreamState<T> {
  private final Inference inference;
  private final ChunkHandler<T> handler;
  private final AtomicBoolean done = new AtomicBoolean();
  private final ScheduledFuture<?> guard;

  public StreamState(Inference inference, ChunkHandler<T> handler) {
    this.inference = inference;
    this.handler = handler;
    this.guard = StreamGuard.schedule(new Runnable() {
      @Override
      public void run() {
        finish(null, "timeout");
      }
    });
  }

  /** Synchronized with {@link #finish}, which may run on another thread (close, guard, cancel). */
  public synchronized void chunk(T chunk) {
    if (done.get()) {
      return;
    }
    try {
      if (handler.isOutput(chunk)) {
        inference.firstChunk();
      }
      handler.onChunk(chunk);
    } catch (Throwable t) {
      ExtensionLog.failure("StreamState.chunk", t);
    }
  }

  public void complete() {
    finish(null, "completed");
  }

  public void fail(Throwable error) {
    finish(error, "error");
  }

  public void closed() {
    finish(null, "closed");
  }

  public void cancelled() {
    finish(null, "cancelled");
  }

  /** Ends with the given outcome; {@code error} may be null for normal completion. */
  public void finish(Throwable error, String how) {
    InferenceResult result;
    synchronized (this) {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      result = result();
    }
    if (guard != null) {
      guard.cancel(false);
    }
    inference.end(result, error, how);
  }

  private InferenceResult result() {
    try {
      return handler.result();
    } catch (Throwable t) {
      ExtensionLog.failure("StreamState.result", t);
      return null;
    }
  }

  /** A stream that reports its chunks, exhaustion, failure and close to this state. */
  public <U extends T> Stream<U> wrap(final Stream<U> stream) {
    return StreamSupport.stream(new TracingSpliterator<U>(stream.spliterator(), this), false)
        .onClose(new Runnable() {
          @Override
          public void run() {
            try {
              stream.close();
            } finally {
              closed();
            }
          }
        });
  }

  /** Sequential by design: trySplit never splits, so chunks arrive in order on one thread at a time. */
  static final class TracingSpliterator<U> implements Spliterator<U> {
    private final Spliterator<U> delegate;
    private final StreamState<? super U> state;

    TracingSpliterator(Spliterator<U> delegate, StreamState<? super U> state) {
      this.delegate = delegate;
      this.state = state;
    }

    @Override
    public boolean tryAdvance(final Consumer<? super U> action) {
      final boolean[] userFailed = new boolean[1];
      boolean advanced;
      try {
        advanced = delegate.tryAdvance(new Consumer<U>() {
          @Override
          public void accept(U chunk) {
            state.chunk(chunk);
            try {
              action.accept(chunk);
            } catch (RuntimeException | Error e) {
              userFailed[0] = true;
              throw e;
            }
          }
        });
      } catch (RuntimeException | Error e) {
        if (!userFailed[0]) {
          state.fail(e);
        }
        throw e;
      }
      if (!advanced) {
        state.complete();
      }
      return advanced;
    }

    @Override
    public void forEachRemaining(Consumer<? super U> action) {
      while (tryAdvance(action)) {
        // each chunk is reported by tryAdvance
      }
    }

    @Override
    public Spliterator<U> trySplit() {
      return null;
    }

    @Override
    public long estimateSize() {
      return delegate.estimateSize();
    }

    @Override
    public int characteristics() {
      return delegate.characteristics() & ~(Spliterator.SIZED | Spliterator.SUBSIZED | Spliterator.CONCURRENT);
    }
  }
}
