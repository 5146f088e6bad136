package io.sightline.extension.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import io.sightline.extension.genai.ChunkHandler;
import io.sightline.extension.genai.HelperConfig;
import io.sightline.extension.genai.InferenceRequest;
import io.sightline.extension.genai.InferenceResult;
import io.sightline.extension.genai.Messages;
import io.sightline.extension.genai.Providers;
import java.util.Optional;
import java.util.TreeMap;

/** Chat completions: request attributes, results and the chunk accumulator. */
final class OpenAiChat {
  private OpenAiChat() {}

  @SuppressWarnings("deprecation") // max_tokens and seed are deprecated by OpenAI but still sent
  static InferenceRequest request(ChatCompletionCreateParams p, boolean stream, String baseUrl) {
    InferenceRequest r = new InferenceRequest(InferenceRequest.CHAT, Providers.forOpenAiCompatible(baseUrl))
        .model(p.model().asString())
        .serverUrl(baseUrl)
        .stream(stream)
        .temperature(p.temperature().orElse(null))
        .topP(p.topP().orElse(null))
        .frequencyPenalty(p.frequencyPenalty().orElse(null))
        .presencePenalty(p.presencePenalty().orElse(null))
        .maxTokens(p.maxCompletionTokens().isPresent() ? p.maxCompletionTokens().get() : p.maxTokens().orElse(null))
        .seed(p.seed().orElse(null));
    Long n = p.n().orElse(null);
    if (n != null && n != 1L) {
      r.choiceCount(n);
    }
    if (p.stop().isPresent()) {
      ChatCompletionCreateParams.Stop stop = p.stop().get();
      r.stopSequences(stop.isString() ? java.util.Collections.singletonList(stop.asString())
          : stop.isStrings() ? stop.asStrings() : null);
    }
    if (p.responseFormat().isPresent()) {
      r.outputType(p.responseFormat().get().isText() ? "text" : "json");
    }
    if (HelperConfig.captureContent()) {
      JsonNode body = OpenAiContent.json(p._body());
      r.content(OpenAiContent.chatInput(body.path("messages")), null, OpenAiContent.toolDefinitions(body.path("tools")));
    }
    return r;
  }

  /** Adds {@code stream_options.include_usage} only when the user opted in and did not set it. */
  static ChatCompletionCreateParams withUsageRequested(ChatCompletionCreateParams p) {
    if (!HelperConfig.openAiStreamIncludeUsage || p.streamOptions().isPresent()) {
      return p;
    }
    return p.toBuilder().streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
  }

  static InferenceResult result(ChatCompletion c) {
    InferenceResult r = new InferenceResult().responseId(c.id()).responseModel(c.model());
    for (ChatCompletion.Choice choice : c.choices()) {
      r.finishReason(choice.finishReason().asString());
    }
    usage(r, c.usage());
    if (c.serviceTier().isPresent()) {
      r.serviceTier(c.serviceTier().get().asString());
    }
    if (HelperConfig.captureContent()) {
      r.outputMessages(OpenAiContent.chatOutput(OpenAiContent.json(c).path("choices")));
    }
    return r;
  }

  static void usage(InferenceResult r, Optional<CompletionUsage> usage) {
    if (!usage.isPresent()) {
      return;
    }
    CompletionUsage u = usage.get();
    r.usage(u.promptTokens(), u.completionTokens());
    Long cached = u.promptTokensDetails().isPresent() ? u.promptTokensDetails().get().cachedTokens().orElse(null) : null;
    r.cacheTokens(cached, null);
    r.reasoningTokens(u.completionTokensDetails().isPresent()
        ? u.completionTokensDetails().get().reasoningTokens().orElse(null) : null);
  }

  /** Accumulates chunks; content buffers exist only when capture is on. */
  static final class Chunks implements ChunkHandler<ChatCompletionChunk> {
    private final boolean capture = HelperConfig.captureContent();
    private final TreeMap<Long, StreamedChoice> choices = new TreeMap<>();
    private String id;
    private String model;
    private String serviceTier;
    private Optional<CompletionUsage> usage = Optional.empty();

    @Override
    public void onChunk(ChatCompletionChunk chunk) {
      id = chunk.id();
      model = chunk.model();
      if (chunk.usage().isPresent()) {
        usage = chunk.usage();
      }
      if (chunk.serviceTier().isPresent()) {
        serviceTier = chunk.serviceTier().get().asString();
      }
      for (ChatCompletionChunk.Choice c : chunk.choices()) {
        StreamedChoice choice = choices.get(c.index());
        if (choice == null) {
          choice = new StreamedChoice();
          choices.put(c.index(), choice);
        }
        if (c.finishReason().isPresent()) {
          choice.finishReason = c.finishReason().get().asString();
        }
        if (capture) {
          ChatCompletionChunk.Choice.Delta delta = c.delta();
          if (delta.content().isPresent()) {
            choice.text.append(delta.content().get());
          }
          if (delta.toolCalls().isPresent()) {
            for (ChatCompletionChunk.Choice.Delta.ToolCall call : delta.toolCalls().get()) {
              choice.toolCall(call.index(), call.id().orElse(null),
                  call.function().isPresent() ? call.function().get().name().orElse(null) : null,
                  call.function().isPresent() ? call.function().get().arguments().orElse(null) : null);
            }
          }
        }
      }
    }

    @Override
    public InferenceResult result() {
      InferenceResult r = new InferenceResult().responseId(id).responseModel(model).serviceTier(serviceTier);
      for (StreamedChoice choice : choices.values()) {
        r.finishReason(choice.finishReason);
      }
      usage(r, usage);
      if (capture && !choices.isEmpty()) {
        Messages out = Messages.messages();
        for (StreamedChoice choice : choices.values()) {
          choice.appendTo(out.begin("assistant"));
          out.end(choice.finishReason);
        }
        r.outputMessages(out);
      }
      return r;
    }
  }
}
