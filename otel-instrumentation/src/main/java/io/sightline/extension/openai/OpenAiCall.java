package io.sightline.extension.openai;

import com.openai.core.ClientOptions;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import io.opentelemetry.context.Scope;
import io.sightline.extension.genai.ChunkHandler;
import io.sightline.extension.genai.ExtensionLog;
import io.sightline.extension.genai.Futures;
import io.sightline.extension.genai.Inference;
import io.sightline.extension.genai.InferenceRequest;
import io.sightline.extension.genai.SdkCall;
import io.sightline.extension.genai.InferenceResult;
import io.sightline.extension.genai.StreamState;
import java.util.concurrent.CompletableFuture;

/**
 * Entry point of the advice on the openai-java {@code *ServiceImpl.create/createStreaming} methods
 * (chat completions, Responses API, embeddings; blocking and async). Never throws; on any internal
 * failure the call proceeds untraced.
 */
public final class OpenAiCall extends SdkCall {
  static final String SCOPE = "io.sightline.extension.openai";

  private final Object params;

  private OpenAiCall(Inference inference, Scope scope, Object params) {
    super(inference, scope);
    this.params = params;
  }

  /** Returns {@code {call or null, params to use}}; the params differ only for opt-in include_usage. */
  public static Object[] start(String method, Object clientOptions, Object params) {
    Object[] enter = new Object[] {null, params};
    try {
      boolean streaming = "createStreaming".equals(method);
      String baseUrl = ((ClientOptions) clientOptions).baseUrl();
      InferenceRequest request;
      if (params instanceof ChatCompletionCreateParams) {
        ChatCompletionCreateParams chat = (ChatCompletionCreateParams) params;
        request = OpenAiChat.request(chat, streaming, baseUrl);
        if (streaming) {
          enter[1] = OpenAiChat.withUsageRequested(chat);
        }
      } else if (params instanceof ResponseCreateParams) {
        request = OpenAiResponses.request((ResponseCreateParams) params, streaming, baseUrl);
      } else if (params instanceof EmbeddingCreateParams) {
        request = OpenAiEmbeddings.request((EmbeddingCreateParams) params, baseUrl);
      } else {
        return enter;
      }
      Inference inference = Inference.start(SCOPE, request);
      if (inference != null) {
        enter[0] = new OpenAiCall(inference, inference.makeCurrent(), params);
      }
    } catch (Throwable t) {
      ExtensionLog.failure("openai.start", t);
      enter[1] = params;
    }
    return enter;
  }

  /** Ends (or hands over to a stream or future) the call; returns the value the caller gets. */
  public static Object end(Object[] enter, Object returned, Throwable error) {
    if (enter == null || !(enter[0] instanceof OpenAiCall)) {
      return returned;
    }
    return ((OpenAiCall) enter[0]).exit(returned, error, "openai");
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected Object finish(Object returned, Throwable error) {
    if (error != null || returned == null) {
      inference.end(null, error);
      return returned;
    }
    if (returned instanceof ChatCompletion) {
      inference.end(OpenAiChat.result((ChatCompletion) returned), null);
    } else if (returned instanceof Response) {
      inference.end(OpenAiResponses.result((Response) returned), null);
    } else if (returned instanceof CreateEmbeddingResponse) {
      inference.end(OpenAiEmbeddings.result((CreateEmbeddingResponse) returned), null);
    } else if (returned instanceof CompletableFuture) {
      return Futures.endOnCompletion((CompletableFuture) returned, inference, new Futures.ResultMapper<Object>() {
        @Override
        public InferenceResult map(Object value) {
          return value instanceof ChatCompletion ? OpenAiChat.result((ChatCompletion) value)
              : value instanceof Response ? OpenAiResponses.result((Response) value)
              : value instanceof CreateEmbeddingResponse ? OpenAiEmbeddings.result((CreateEmbeddingResponse) value)
              : null;
        }
      });
    } else if (returned instanceof StreamResponse) {
      return new TracedStreamResponse((StreamResponse) returned, new StreamState(inference, chunkHandler()));
    } else if (returned instanceof AsyncStreamResponse) {
      return new TracedAsyncStreamResponse((AsyncStreamResponse) returned, new StreamState(inference, chunkHandler()));
    } else {
      inference.end(null, null);
    }
    return returned;
  }

  private ChunkHandler<?> chunkHandler() {
    if (params instanceof ResponseCreateParams) {
      return new OpenAiResponses.Events();
    }
    return new OpenAiChat.Chunks();
  }

}
