package io.sightline.extension.springai;

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

  public static Object startChat(Object model, Object prompt, boolean stream) {
    try {
      Inference inference = Inference.start(SCOPE, SpringAiChat.request((ChatModel) model, (Prompt) prompt, stream));
      return inference == null ? null : new SpringAiCalls(inference, null, inference.makeCurrent());
    } catch (Throwable t) {
      ExtensionLog.failure("spring-ai.startChat", t);
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

  /**
   * Ends a {@code stream} call: returns a Flux that reports chunks, completion, errors and
   * cancellation, and that subscribes upstream with the inference current, so the SDK call made at
   * subscription time enriches this span instead of opening its own.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Object endStream(Object state, Object flux, Throwable error) {
    if (!(state instanceof SpringAiCalls)) {
      return flux;
    }
    SpringAiCalls call = (SpringAiCalls) state;
    call.closeScope();
    if (error != null || !(flux instanceof Flux)) {
      call.inference.end(null, error);
      return flux;
    }
    try {
      final Inference inference = call.inference;
      final StreamState<Object> stream = new StreamState<Object>(inference, new StreamedChatResponses());
      final Flux<Object> traced = ((Flux<Object>) flux)
          .doOnNext(stream::chunk)
          .doOnComplete(stream::complete)
          .doOnError(stream::fail)
          .doOnCancel(stream::cancelled);
      return Flux.from((Publisher<Object>) (Subscriber<? super Object> subscriber) -> {
        try (Scope ignored = inference.makeCurrent()) {
          traced.subscribe(subscriber);
        }
      });
    } catch (Throwable t) {
      ExtensionLog.failure("spring-ai.endStream", t);
      call.inference.end(null, null);
      return flux;
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
