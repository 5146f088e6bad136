package io.sightline.extension.springai;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.sightline.extension.genai.ExtensionLog;
import io.sightline.extension.genai.GenAiOperation;
import io.sightline.extension.genai.Inference;
import io.sightline.extension.genai.StreamState;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.ToolCallback;
import reactor.core.publisher.Flux;

/**
 * Entry points of the Spring AI advice: {@code ChatModel.call/stream} (the inference span; an
 * instrumented SDK below only enriches it) and {@code ToolCallback.call} ({@code execute_tool}).
 */
public final class SpringAiCalls {
  static final String SCOPE = "io.sightline.extension.spring-ai";

  private final Inference inference;
  private final GenAiOperation operation;
  private final Scope scope;

  private SpringAiCalls(Inference inference, GenAiOperation operation, Scope scope) {
    this.inference = inference;
    this.operation = operation;
    this.scope = scope;
  }

  public static Object startCall(Object model, Object prompt) {
    try {
      Inference inference = Inference.start(SCOPE, SpringAiChat.request((ChatModel) model, (Prompt) prompt, false));
      return inference == null ? null : new SpringAiCalls(inference, null, inference.makeCurrent());
    } catch (Throwable t) {
      ExtensionLog.failure("spring-ai.startCall", t);
      return null;
    }
  }

  /** Ends a {@code call}; returns the response unchanged. */
  public static void endCall(Object state, Object response, Throwable error) {
    if (!(state instanceof SpringAiCalls)) {
      return;
    }
    SpringAiCalls call = (SpringAiCalls) state;
    call.closeScope();
    try {
      call.inference.end(error == null && response instanceof ChatResponse
          ? SpringAiChat.result((ChatResponse) response) : null, error);
    } catch (Throwable t) {
      ExtensionLog.failure("spring-ai.endCall", t);
      call.inference.end(null, error);
    }
  }

  /** What a {@code stream} call needs to trace its subscriptions: the model, the prompt, the caller. */
  static final class StreamCall {
    final ChatModel model;
    final Prompt prompt;
    final Context caller;

    StreamCall(ChatModel model, Prompt prompt, Context caller) {
      this.model = model;
      this.prompt = prompt;
      this.caller = caller;
    }
  }

  /** A {@code stream} call sends nothing until its Flux is subscribed: see {@link #endStream}. */
  public static Object startStream(Object model, Object prompt) {
    try {
      return new StreamCall((ChatModel) model, (Prompt) prompt, Context.current());
    } catch (Throwable t) {
      ExtensionLog.failure("spring-ai.startStream", t);
      return null;
    }
  }

  /**
   * Ends a {@code stream} call: returns a Flux whose every subscription is one inference (a retry
   * subscribes again and calls the model again), under the caller's context, reporting chunks,
   * completion, errors and cancellation; it subscribes upstream with the inference current, so the
   * SDK call made at subscription time enriches that span instead of opening its own.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Object endStream(Object state, Object flux, Throwable error) {
    if (!(state instanceof StreamCall)) {
      return flux;
    }
    final StreamCall call = (StreamCall) state;
    if (error != null) {
      Inference failed = inference(call);
      if (failed != null) {
        failed.end(null, error);
      }
      return flux;
    }
    if (!(flux instanceof Flux)) {
      return flux;
    }
    final Flux<Object> upstream = (Flux<Object>) flux;
    return Flux.defer(() -> {
      final Inference inference = inference(call);
      if (inference == null) {
        return upstream;
      }
      StreamState<Object> stream = new StreamState<Object>(inference, new StreamedChatResponses());
      final Flux<Object> traced = upstream
          .doOnNext(stream::chunk)
          .doOnComplete(stream::complete)
          .doOnError(stream::fail)
          .doOnCancel(stream::cancelled);
      return Flux.from((Publisher<Object>) (Subscriber<? super Object> subscriber) -> {
        try (Scope ignored = inference.makeCurrent()) {
          traced.subscribe(subscriber);
        }
      });
    });
  }

  private static Inference inference(StreamCall call) {
    try (Scope ignored = call.caller.makeCurrent()) {
      return Inference.start(SCOPE, SpringAiChat.request(call.model, call.prompt, true));
    } catch (Throwable t) {
      ExtensionLog.failure("spring-ai.stream", t);
      return null;
    }
  }

  public static Object startTool(Object callback, Object input) {
    try {
      String name = ((ToolCallback) callback).getToolDefinition().name();
      GenAiOperation op = GenAiOperation.startTool(SCOPE, name, null, (String) input);
      return op == null ? null : new SpringAiCalls(null, op, op.makeCurrent());
    } catch (Throwable t) {
      ExtensionLog.failure("spring-ai.startTool", t);
      return null;
    }
  }

  public static void endTool(Object state, Object result, Throwable error) {
    if (!(state instanceof SpringAiCalls)) {
      return;
    }
    SpringAiCalls call = (SpringAiCalls) state;
    call.closeScope();
    call.operation.end(result instanceof String ? (String) result : null, error, null);
  }

  private void closeScope() {
    try {
      scope.close();
    } catch (Throwable t) {
      ExtensionLog.failure("spring-ai.scope", t);
    }
  }
}
