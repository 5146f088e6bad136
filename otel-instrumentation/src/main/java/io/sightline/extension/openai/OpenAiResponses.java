package io.sightline.extension.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.ResponsesModel;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseUsage;
import io.sightline.extension.genai.ChunkHandler;
import io.sightline.extension.genai.HelperConfig;
import io.sightline.extension.genai.InferenceRequest;
import io.sightline.extension.genai.InferenceResult;
import io.sightline.extension.genai.Messages;
import io.sightline.extension.genai.Providers;

/** Responses API ({@code openai.api.type=responses}): request attributes, results, stream events. */
final class OpenAiResponses {
  private OpenAiResponses() {}

  static InferenceRequest request(ResponseCreateParams p, boolean stream, String baseUrl) {
    InferenceRequest r = new InferenceRequest(InferenceRequest.CHAT, Providers.forOpenAiCompatible(baseUrl))
        .model(p.model().isPresent() ? modelName(p.model().get()) : null)
        .serverUrl(baseUrl)
        .stream(stream)
        .apiType("responses")
        .temperature(p.temperature().orElse(null))
        .topP(p.topP().orElse(null))
        .maxTokens(p.maxOutputTokens().orElse(null));
    if (p.conversation().isPresent() && p.conversation().get().isId()) {
      r.conversationId(p.conversation().get().asId());
    }
    if (HelperConfig.captureContent()) {
      JsonNode body = OpenAiContent.json(p._body());
      r.content(OpenAiContent.responsesInput(body.path("input")), OpenAiContent.instructions(body.path("instructions")),
          OpenAiContent.toolDefinitions(body.path("tools")));
    }
    return r;
  }

  static String modelName(ResponsesModel model) {
    if (model.isString()) {
      return model.asString();
    }
    if (model.isChat()) {
      return model.asChat().asString();
    }
    return model.isOnly() ? model.asOnly().asString() : null;
  }

  static InferenceResult result(Response response) {
    String finishReason = finishReason(response);
    InferenceResult r = new InferenceResult().responseId(response.id()).responseModel(modelName(response.model()))
        .finishReason(finishReason);
    if (response.usage().isPresent()) {
      ResponseUsage u = response.usage().get();
      r.usage(u.inputTokens(), u.outputTokens())
          .cacheTokens(u.inputTokensDetails().cachedTokens(), null)
          .reasoningTokens(u.outputTokensDetails().reasoningTokens());
    }
    if (response.serviceTier().isPresent()) {
      r.serviceTier(response.serviceTier().get().asString());
    }
    if (HelperConfig.captureContent()) {
      r.outputMessages(OpenAiContent.responsesOutput(OpenAiContent.json(response).path("output"), finishReason));
    }
    return r;
  }

  /** The Responses API has no finish reason; derive chat-style ones from status and output items. */
  static String finishReason(Response response) {
    String status = response.status().isPresent() ? response.status().get().asString() : "completed";
    if ("incomplete".equals(status)) {
      boolean filtered = response.incompleteDetails().isPresent()
          && response.incompleteDetails().get().reason().isPresent()
          && "content_filter".equals(response.incompleteDetails().get().reason().get().asString());
      return filtered ? "content_filter" : "length";
    }
    if ("failed".equals(status)) {
      return "error";
    }
    for (ResponseOutputItem item : response.output()) {
      if (item.isFunctionCall()) {
        return "tool_calls";
      }
    }
    return "stop";
  }

  /** The terminal event carries the whole response; the first event after creation is the first chunk. */
  static final class Events implements ChunkHandler<ResponseStreamEvent> {
    private Response last;

    @Override
    public boolean isOutput(ResponseStreamEvent event) {
      return !event.isCreated() && !event.isInProgress();
    }

    @Override
    public void onChunk(ResponseStreamEvent event) {
      if (event.isCompleted()) {
        last = event.asCompleted().response();
      } else if (event.isIncomplete()) {
        last = event.asIncomplete().response();
      } else if (event.isFailed()) {
        last = event.asFailed().response();
      } else if (event.isCreated()) {
        last = event.asCreated().response();
      }
    }

    @Override
    public InferenceResult result() {
      return last == null ? null : OpenAiResponses.result(last);
    }
  }
}
