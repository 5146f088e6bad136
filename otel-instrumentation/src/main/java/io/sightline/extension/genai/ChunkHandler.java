package io.sightline.extension.genai;

/** Accumulates what a library's stream chunks say (ids, usage, finish reasons, content if captured). */
public interface ChunkHandler<T> {
  /** Called once per chunk, in order, never concurrently. */
  void onChunk(T chunk);

  /**
   * Whether this chunk carries model output, so its arrival may count as the first chunk (protocol
   * events such as "stream created" or pings that precede generation do not).
   */
  default boolean isOutput(T chunk) {
    return true;
  }

  /** What the chunks seen so far add up to. */
  InferenceResult result();
}
