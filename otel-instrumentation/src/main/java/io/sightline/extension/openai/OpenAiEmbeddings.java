package io.sightline.extension.openai;

import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import io.sightline.extension.genai.InferenceRequest;
import io.sightline.extension.genai.InferenceResult;
import io.sightline.extension.genai.Providers;
import java.util.Collections;

/** Embeddings: operation {@code embeddings}, input token usage and dimension count. */
final class OpenAiEmbeddings {
  private OpenAiEmbeddings() {}

  static InferenceRequest request(EmbeddingCreateParams p, String baseUrl) {
    InferenceRequest r = new InferenceRequest(InferenceRequest.EMBEDDINGS, Providers.forOpenAiCompatible(baseUrl))
        .model(p.model().asString())
        .serverUrl(baseUrl);
    if (p.encodingFormat().isPresent()) {
      r.encodingFormats(Collections.singletonList(p.encodingFormat().get().asString()));
    }
    return r;
  }

  static InferenceResult result(CreateEmbeddingResponse response) {
    InferenceResult r = new InferenceResult().responseModel(response.model())
        .usage(response.usage().promptTokens(), null);
    if (!response.data().isEmpty()) {
      r.dimensionCount((long) response.data().get(0).embedding().size());
    }
    return r;
  }
}
