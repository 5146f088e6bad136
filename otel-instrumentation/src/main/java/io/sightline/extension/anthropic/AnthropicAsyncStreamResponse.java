package io.sightline.extension.anthropic;

import com.anthropic.core.http.AsyncStreamResponse;
import io.sightline.extension.genai.StreamState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The SDK's asynchronous stream. The user's handler is wrapped so that chunks are seen; the span
 * ends before the user's {@code onComplete} runs, so user callbacks are not attributed to the call.
 *
 * <p>Mirrors {@code openai.TracedAsyncStreamResponse}: both SDKs are generated from the same template into
 * different packages, so the shapes match but the types do not; sharing one class would take
 * reflection (a dynamic proxy) on every chunk. The stream logic itself lives in {@code StreamState}.
 */
final class AnthropicAsyncStreamResponse<T> implements AsyncStreamResponse<T> {
  private final AsyncStreamResponse<T> delegate;
  private final StreamState<T> state;

  AnthropicAsyncStreamResponse(AsyncStreamResponse<T> delegate, StreamState<T> state) {
    this.delegate = delegate;
    this.state = state;
  }

  @Override
  public AsyncStreamResponse<T> subscribe(Handler<? super T> handler) {
    delegate.subscribe(new TracingHandler<T>(handler, state));
    return this;
  }

  @Override
  public AsyncStreamResponse<T> subscribe(Handler<? super T> handler, Executor executor) {
    delegate.subscribe(new TracingHandler<T>(handler, state), executor);
    return this;
  }

  @Override
  public CompletableFuture<Void> onCompleteFuture() {
    return delegate.onCompleteFuture();
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      state.closed();
    }
  }

  static final class TracingHandler<T> implements Handler<T> {
    private final Handler<? super T> delegate;
    private final StreamState<T> state;

    TracingHandler(Handler<? super T> delegate, StreamState<T> state) {
      this.delegate = delegate;
      this.state = state;
    }

    @Override
    public void onNext(T value) {
      state.chunk(value);
      delegate.onNext(value);
    }

    @Override
    public void onComplete(Optional<Throwable> error) {
      if (error.isPresent()) {
        state.fail(error.get());
      } else {
        state.complete();
      }
      delegate.onComplete(error);
    }
  }
}
