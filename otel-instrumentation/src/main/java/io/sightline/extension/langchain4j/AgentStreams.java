package io.sightline.extension.langchain4j;

import io.sightline.extension.genai.GenAiOperation;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Agent spans of AI-service calls that returned a {@code TokenStream}, waiting for the stream to
 * start. Weakly keyed by the stream: a stream that is never started holds nothing (its span is
 * never ended, so never exported).
 */
final class AgentStreams {
  private static final Map<Object, GenAiOperation> PENDING =
      Collections.synchronizedMap(new WeakHashMap<Object, GenAiOperation>());

  private AgentStreams() {}

  static void hold(Object stream, GenAiOperation agent) {
    PENDING.put(stream, agent);
  }

  /** The agent span waiting for {@code stream}, once; null when there is none. */
  static GenAiOperation take(Object stream) {
    return PENDING.remove(stream);
  }
}
