package io.sightline.extension.openai;

import com.openai.core.http.StreamResponse;
import io.sightline.extension.genai.StreamState;
import java.util.stream.Stream;

/** The SDK's blocking stream, reporting chunks, completion and close to the inference. */
final class TracedStreamResponse<T> implements StreamResponse<T> {
  private final StreamResponse<T> delegate;
  private final StreamState<T> state;

  TracedStreamResponse(StreamResponse<T> delegate, StreamState<T> state) {
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
