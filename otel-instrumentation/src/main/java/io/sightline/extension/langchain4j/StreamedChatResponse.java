package io.sightline.extension.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponse;
import io.sightline.extension.genai.ChunkHandler;
import io.sightline.extension.genai.InferenceResult;

/** LangChain4j hands over the assembled response at the end; partials only mark the first chunk. */
final class StreamedChatResponse implements ChunkHandler<Object> {
  private ChatResponse response;

  @Override
  public boolean isOutput(Object chunk) {
    return !(chunk instanceof ChatResponse);
  }

  @Override
  public void onChunk(Object chunk) {
    if (chunk instanceof ChatResponse) {
      response = (ChatResponse) chunk;
    }
  }

  @Override
  public InferenceResult result() {
    return response == null ? null : LangChain4jChat.result(response);
  }
}
