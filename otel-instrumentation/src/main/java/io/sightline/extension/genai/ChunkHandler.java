package io.sightline.extension.genai;

/** Accumulates what a library's stream chunks say (ids, usage, finish reasons, content if captured). */
public interface ChunkHandler<T> {
  /** Called once per chunk, in order, never concurrently. */
  void onChunk(T chunk);

  /** What the chunks seen so far add up to. */
  InferenceResult result();
}
