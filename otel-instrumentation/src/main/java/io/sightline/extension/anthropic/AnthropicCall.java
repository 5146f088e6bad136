package io.sightline.extension.anthropic;

import com.anthropic.core.ClientOptions;
import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import io.opentelemetry.context.Scope;
import io.sightline.extension.genai.ExtensionLog;
import io.sightline.extension.genai.Futures;
import io.sightline.extension.genai.Inference;
import io.sightline.extension.genai.InferenceResult;
import io.sightline.extension.genai.SdkCall;
import io.sightline.extension.genai.StreamState;
import java.util.concurrent.CompletableFuture;

/**
 * Entry point of the advice on anthropic-java's {@code MessageServiceImpl} (regular and beta,
 * blocking and async): {@code create} and {@code createStreaming}. Never throws.
 */
public final class AnthropicCall extends SdkCall {
  static final String SCOPE = "io.sightline.extension.anthropic";

  private AnthropicCall(Inference inference, Scope scope) {
    super(inference, scope);
  }

  public static Object start(String method, Object clientOptions, Object params) {
    try {
      Object body;
      if (params instanceof MessageCreateParams) {
        body = ((MessageCreateParams) params)._body();
      } else if (params instanceof com.anthropic.models.beta.messages.MessageCreateParams) {
        body = ((com.anthropic.models.beta.messages.MessageCreateParams) params)._body();
      } else {
        return null;
      }
      Inference inference = Inference.start(SCOPE, AnthropicJson.request(AnthropicJson.json(body),
          "createStreaming".equals(method), ((ClientOptions) clientOptions).baseUrl()));
      return inference == null ? null : new AnthropicCall(inference, inference.makeCurrent());
    } catch (Throwable t) {
      ExtensionLog.failure("anthropic.start", t);
      return null;
    }
  }

  public static Object end(Object state, Object returned, Throwable error) {
    if (!(state instanceof AnthropicCall)) {
      return returned;
    }
    return ((AnthropicCall) state).exit(returned, error, "anthropic");
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected Object finish(Object returned, Throwable error) {
    if (error != null || returned == null) {
      inference.end(null, error);
    } else if (returned instanceof CompletableFuture) {
      return Futures.endOnCompletion((CompletableFuture) returned, inference, new Futures.ResultMapper<Object>() {
        @Override
        public InferenceResult map(Object message) {
          return AnthropicJson.result(AnthropicJson.json(message));
        }
      });
    } else if (returned instanceof StreamResponse) {
      return new AnthropicStreamResponse((StreamResponse) returned, new StreamState(inference, new AnthropicEvents()));
    } else if (returned instanceof AsyncStreamResponse) {
      return new AnthropicAsyncStreamResponse((AsyncStreamResponse) returned,
          new StreamState(inference, new AnthropicEvents()));
    } else {
      inference.end(AnthropicJson.result(AnthropicJson.json(returned)), null);
    }
    return returned;
  }
}
