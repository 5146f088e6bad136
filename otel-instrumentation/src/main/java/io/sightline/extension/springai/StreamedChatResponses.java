package io.sightline.extension.springai;

import io.sightline.extension.genai.ChunkHandler;
import io.sightline.extension.genai.HelperConfig;
import io.sightline.extension.genai.InferenceResult;
import io.sightline.extension.genai.Messages;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/** Folds the {@code Flux<ChatResponse>} of a streamed call: the last id, model, usage and finish reason win. */
final class StreamedChatResponses implements ChunkHandler<Object> {
  private final boolean capture = HelperConfig.captureContent();
  private final StringBuilder text = new StringBuilder();
  private final InferenceResult result = new InferenceResult();
  private String finishReason;

  @Override
  public void onChunk(Object chunk) {
    if (!(chunk instanceof ChatResponse)) {
      return;
    }
    ChatResponse response = (ChatResponse) chunk;
    if (response.getMetadata() != null) {
      result.responseId(response.getMetadata().getId()).responseModel(response.getMetadata().getModel());
      SpringAiChat.usage(result, response.getMetadata().getUsage());
    }
    for (Generation g : response.getResults()) {
      String reason = SpringAiChat.finishReason(g);
      finishReason = reason != null ? reason : finishReason;
      if (capture && g.getOutput() != null && g.getOutput().getText() != null) {
        text.append(g.getOutput().getText());
      }
    }
  }

  @Override
  public InferenceResult result() {
    result.finishReason(finishReason);
    if (capture && text.length() > 0) {
      result.outputMessages(Messages.messages().begin("assistant").text(text.toString()).end(finishReason));
    }
    return result;
  }
}
