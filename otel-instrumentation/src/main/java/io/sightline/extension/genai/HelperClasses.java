package io.sightline.extension.genai;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The helper core every module injects, supertypes first. A static test walks the advice classes'
 * references and fails when a reachable class is missing from a module's list.
 */
public final class HelperClasses {
  static final List<String> CORE = Collections.unmodifiableList(Arrays.asList(
      "io.sightline.extension.genai.GenAiAttributes",
      "io.sightline.extension.genai.ExtensionLog",
      "io.sightline.extension.genai.HelperConfig",
      "io.sightline.extension.genai.JsonText",
      "io.sightline.extension.genai.Messages",
      "io.sightline.extension.genai.Providers",
      "io.sightline.extension.genai.ErrorTypes",
      "io.sightline.extension.genai.InferenceRequest",
      "io.sightline.extension.genai.InferenceResult",
      "io.sightline.extension.genai.GenAiMetrics",
      "io.sightline.extension.genai.GenAiOperation",
      "io.sightline.extension.genai.Inference",
      "io.sightline.extension.genai.SdkCall",
      "io.sightline.extension.genai.ChunkHandler",
      "io.sightline.extension.genai.StreamGuard",
      "io.sightline.extension.genai.StreamGuard$1",
      "io.sightline.extension.genai.StreamState",
      "io.sightline.extension.genai.StreamState$1",
      "io.sightline.extension.genai.StreamState$2",
      "io.sightline.extension.genai.StreamState$TracingSpliterator",
      "io.sightline.extension.genai.StreamState$TracingSpliterator$1",
      "io.sightline.extension.genai.Futures",
      "io.sightline.extension.genai.Futures$ResultMapper",
      "io.sightline.extension.genai.Futures$1"));

  private HelperClasses() {}

  /** The core helpers followed by a module's own. */
  public static List<String> withCore(String... moduleHelpers) {
    List<String> all = new ArrayList<>(CORE);
    all.addAll(Arrays.asList(moduleHelpers));
    return all;
  }
}
