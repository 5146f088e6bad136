package io.sightline.extension.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.sightline.extension.genai.StreamState;

/**
 * Wraps the application's handler: every callback is passed on unchanged, after the stream state
 * has seen it. The span ends before {@code onCompleteResponse}/{@code onError} reach the
 * application, so its own work there is not part of the model call. The callbacks that start
 * further work (a completed tool call, the end of the stream) run in the context the call was made
 * in, so an AI service's tool executions and follow-up model calls stay under its agent span.
 */
final class TracingStreamingHandler implements StreamingChatResponseHandler {
  private final StreamingChatResponseHandler delegate;
  private final StreamState<Object> state;
  private final Context caller = Context.current();

  TracingStreamingHandler(StreamingChatResponseHandler delegate, StreamState<Object> state) {
    this.delegate = delegate;
    this.state = state;
  }

  void failed(Throwable error) {
    state.fail(error);
  }

  @Override
  public void onPartialResponse(String partialResponse) {
    state.chunk(partialResponse);
    delegate.onPartialResponse(partialResponse);
  }

  @Override
  public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
    state.chunk(partialResponse);
    delegate.onPartialResponse(partialResponse, context);
  }

  @Override
  public void onPartialThinking(PartialThinking partialThinking) {
    state.chunk(partialThinking);
    delegate.onPartialThinking(partialThinking);
  }

  @Override
  public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
    state.chunk(partialThinking);
    delegate.onPartialThinking(partialThinking, context);
  }

  @Override
  public void onPartialToolCall(PartialToolCall partialToolCall) {
    state.chunk(partialToolCall);
    delegate.onPartialToolCall(partialToolCall);
  }

  @Override
  public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
    state.chunk(partialToolCall);
    delegate.onPartialToolCall(partialToolCall, context);
  }

  @Override
  public void onCompleteToolCall(CompleteToolCall completeToolCall) {
    try (Scope ignored = caller.makeCurrent()) {
      delegate.onCompleteToolCall(completeToolCall);
    }
  }

  @Override
  public void onUnmappedRawEvent(Object rawEvent) {
    delegate.onUnmappedRawEvent(rawEvent);
  }

  @Override
  public void onCompleteResponse(ChatResponse completeResponse) {
    state.chunk(completeResponse);
    state.complete();
    try (Scope ignored = caller.makeCurrent()) {
      delegate.onCompleteResponse(completeResponse);
    }
  }

  @Override
  public void onError(Throwable error) {
    state.fail(error);
    try (Scope ignored = caller.makeCurrent()) {
      delegate.onError(error);
    }
  }
}
