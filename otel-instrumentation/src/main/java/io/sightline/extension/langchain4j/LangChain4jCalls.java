package io.sightline.extension.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.service.tool.ToolExecutionResult;
import io.opentelemetry.context.Scope;
import io.sightline.extension.genai.ExtensionLog;
import io.sightline.extension.genai.GenAiOperation;
import io.sightline.extension.genai.Inference;
import io.sightline.extension.genai.StreamState;

/**
 * Entry points of the LangChain4j advice: chat (the {@code ChatModel} / {@code StreamingChatModel}
 * default methods every provider goes through), AI-service invocations ({@code invoke_agent}) and
 * tool executions ({@code execute_tool}). Never throw.
 */
public final class LangChain4jCalls {
  static final String SCOPE = "io.sightline.extension.langchain4j";

  private final Inference inference;
  private final GenAiOperation operation;
  private final Scope scope;

  private LangChain4jCalls(Inference inference, GenAiOperation operation, Scope scope) {
    this.inference = inference;
    this.operation = operation;
    this.scope = scope;
  }

  public static Object startChat(Object model, Object request) {
    try {
      ChatModel chatModel = (ChatModel) model;
      Inference inference = Inference.start(SCOPE, LangChain4jChat.request(
          (ChatRequest) request, chatModel.defaultRequestParameters(), chatModel.provider(), false));
      return inference == null ? null : new LangChain4jCalls(inference, null, inference.makeCurrent());
    } catch (Throwable t) {
      ExtensionLog.failure("langchain4j.startChat", t);
      return null;
    }
  }

  public static void endChat(Object state, Object response, Throwable error) {
    if (!(state instanceof LangChain4jCalls)) {
      return;
    }
    LangChain4jCalls call = (LangChain4jCalls) state;
    call.closeScope();
    try {
      call.inference.end(error == null && response != null ? LangChain4jChat.result((ChatResponse) response) : null, error);
    } catch (Throwable t) {
      ExtensionLog.failure("langchain4j.endChat", t);
      call.inference.end(null, error);
    }
  }

  /** Returns {@code {state or null, handler to use}}: the handler is wrapped to see the stream. */
  public static Object[] startStreamingChat(Object model, Object request, Object handler) {
    Object[] enter = new Object[] {null, handler};
    try {
      StreamingChatModel chatModel = (StreamingChatModel) model;
      Inference inference = Inference.start(SCOPE, LangChain4jChat.request(
          (ChatRequest) request, chatModel.defaultRequestParameters(), chatModel.provider(), true));
      if (inference != null) {
        StreamState<Object> state = new StreamState<Object>(inference, new StreamedChatResponse());
        enter[1] = new TracingStreamingHandler((StreamingChatResponseHandler) handler, state);
        enter[0] = new LangChain4jCalls(inference, null, inference.makeCurrent());
      }
    } catch (Throwable t) {
      ExtensionLog.failure("langchain4j.startStreamingChat", t);
      enter[1] = handler;
    }
    return enter;
  }

  /** The stream's span ends through the handler; a synchronous failure ends it here. */
  public static void endStreamingChat(Object[] enter, Throwable error) {
    if (enter == null || !(enter[0] instanceof LangChain4jCalls)) {
      return;
    }
    LangChain4jCalls call = (LangChain4jCalls) enter[0];
    call.closeScope();
    if (error != null && enter[1] instanceof TracingStreamingHandler) {
      ((TracingStreamingHandler) enter[1]).failed(error);
    }
  }

  public static Object startAgent(Object invocationContext) {
    try {
      InvocationContext ctx = (InvocationContext) invocationContext;
      String name = ctx.interfaceName();
      name = name == null ? null : name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
      Object memoryId = ctx.chatMemoryId();
      // LangChain4j uses "default" when the method has no @MemoryId: not a conversation id.
      String conversation = memoryId == null || "default".equals(memoryId) ? null : String.valueOf(memoryId);
      GenAiOperation op = GenAiOperation.startAgent(SCOPE, name, conversation);
      return op == null ? null : new LangChain4jCalls(null, op, op.makeCurrent());
    } catch (Throwable t) {
      ExtensionLog.failure("langchain4j.startAgent", t);
      return null;
    }
  }

  public static Object startTool(Object toolRequest) {
    try {
      ToolExecutionRequest request = (ToolExecutionRequest) toolRequest;
      GenAiOperation op = GenAiOperation.startTool(SCOPE, request.name(), request.id(), request.arguments());
      return op == null ? null : new LangChain4jCalls(null, op, op.makeCurrent());
    } catch (Throwable t) {
      ExtensionLog.failure("langchain4j.startTool", t);
      return null;
    }
  }

  /**
   * Ends an agent span, unless the call made a {@code TokenStream}: the agent's work happens when
   * the stream runs, so its span stays open until LangChain4j reports the stream's end.
   */
  public static void endAgent(Object state, Throwable error) {
    if (error == null && state instanceof LangChain4jCalls && ((LangChain4jCalls) state).operation.isDeferred()) {
      ((LangChain4jCalls) state).closeScope();
      return;
    }
    endOperation(state, null, error);
  }

  /** A token stream made inside an AI-service call keeps that call's agent span for when it runs. */
  public static void deferAgent(Object stream) {
    try {
      GenAiOperation agent = GenAiOperation.currentAgent();
      if (agent != null) {
        agent.defer();
        AgentStreams.hold(stream, agent);
      }
    } catch (Throwable t) {
      ExtensionLog.failure("langchain4j.deferAgent", t);
    }
  }

  /** Makes the agent span of the call that made {@code stream} current while the stream starts. */
  public static Object startTokenStream(Object stream) {
    try {
      GenAiOperation agent = AgentStreams.take(stream);
      return agent == null ? null : new LangChain4jCalls(null, agent, agent.makeCurrent());
    } catch (Throwable t) {
      ExtensionLog.failure("langchain4j.startTokenStream", t);
      return null;
    }
  }

  /** Leaves the agent's context once the stream has started; a start that threw ends the span. */
  public static void endTokenStreamStart(Object state, Throwable error) {
    if (!(state instanceof LangChain4jCalls)) {
      return;
    }
    LangChain4jCalls call = (LangChain4jCalls) state;
    call.closeScope();
    if (error != null) {
      call.operation.end(null, error, null);
    }
  }

  /**
   * A streamed AI-service run completed ({@code error} null) or failed. Its callbacks run in the
   * context the stream's model calls were made in, where its agent span is current.
   */
  public static void endStreamedAgent(Throwable error) {
    try {
      GenAiOperation agent = GenAiOperation.currentAgent();
      if (agent != null && agent.isDeferred()) {
        agent.end(null, error, null);
      }
    } catch (Throwable t) {
      ExtensionLog.failure("langchain4j.endStreamedAgent", t);
    }
  }

  /** Ends an agent or tool span; tool results flagged as errors mark the span failed. */
  public static void endOperation(Object state, Object result, Throwable error) {
    if (!(state instanceof LangChain4jCalls)) {
      return;
    }
    LangChain4jCalls call = (LangChain4jCalls) state;
    call.closeScope();
    try {
      if (result instanceof ToolExecutionResult) {
        ToolExecutionResult toolResult = (ToolExecutionResult) result;
        call.operation.end(toolResult.resultText(), error, toolResult.isError() ? "tool_error" : null);
      } else {
        call.operation.end(null, error, null);
      }
    } catch (Throwable t) {
      ExtensionLog.failure("langchain4j.endOperation", t);
      call.operation.end(null, error, null);
    }
  }

  private void closeScope() {
    try {
      scope.close();
    } catch (Throwable t) {
      ExtensionLog.failure("langchain4j.scope", t);
    }
  }
}
