package io.sightline.extension.genai;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/** Ends an inference when the library's future completes, without replacing the future. */
public final class Futures {
  private Futures() {}

  /** Maps a completed value to what the call returned. */
  public interface ResultMapper<T> {
    InferenceResult map(T value);
  }

  /**
   * Registers completion on {@code future} and returns that same future, so the caller's
   * cancellation, identity and callback threads are exactly what they would be without tracing.
   */
  public static <T> CompletableFuture<T> endOnCompletion(
      CompletableFuture<T> future, final Inference inference, final ResultMapper<? super T> mapper) {
    future.whenComplete(new BiConsumer<T, Throwable>() {
      @Override
      public void accept(T value, Throwable error) {
        InferenceResult result = null;
        if (error == null) {
          try {
            result = mapper.map(value);
          } catch (Throwable t) {
            ExtensionLog.failure("Futures.map", t);
          }
        }
        inference.end(result, error == null ? null : ErrorTypes.unwrap(error));
      }
    });
    return future;
  }
}
