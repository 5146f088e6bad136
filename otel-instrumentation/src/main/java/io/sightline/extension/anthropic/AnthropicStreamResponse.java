package io.sightline.extension.anthropic;

import com.anthropic.core.http.StreamResponse;
import io.sightline.extension.genai.StreamState;
import java.util.stream.Stream;

/**
 * The SDK's blocking stream, reporting chunks, completion and close to the inference.
 *
 * <p>Mirrors {@code openai.TracedStreamResponse}: both SDKs are generated from the same template into
 * different packages, so the shapes match but the types do not; sharing one class would take
 * reflection (a dynamic proxy) on every chunk. The stream logic itself lives in {@code StreamState}.
 */
final class AnthropicStreamResponse<T> implements StreamResponse<T> {
  private final StreamResponse<T> delegate;
  private final StreamState<T> state;

  AnthropicStreamResponse(StreamResponse<T> delegate, StreamState<T> state) {
    this.delegate = delegate;
    this.state = state;
  }

  @Override
  public Stream<T> stream() {
    return state.wrap(delegate.stream());
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      state.closed();
    }
  }
}
