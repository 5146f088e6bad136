package io.sightline.extension.genai;

import static io.sightline.extension.genai.GenAiAttributes.*;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Framework-level GenAI spans around the inference calls: {@code invoke_agent {name}} (an AI
 * service or agent invocation) and {@code execute_tool {name}}, both INTERNAL. A conversation id
 * native to the framework (a chat-memory id) travels in the context to every inference below it.
 */
public final class GenAiOperation {
  static final ContextKey<String> CONVERSATION = ContextKey.named("sightline-genai-conversation");
  /** The tool being executed, so that a framework's delegating overloads do not nest a second span. */
  private static final ContextKey<String> TOOL = ContextKey.named("sightline-genai-tool");

  /** The agent run in progress, so a framework can end it later than the call that started it. */
  private static final ContextKey<GenAiOperation> AGENT = ContextKey.named("sightline-genai-agent");

  private final Span span;
  private final Context context;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile boolean deferred;

  private GenAiOperation(Span span, Context context, boolean agent) {
    this.span = span;
    this.context = agent ? context.with(AGENT, this) : context;
  }

  /** The innermost agent run in the current context, or null. */
  public static GenAiOperation currentAgent() {
    return Context.current().get(AGENT);
  }

  /** Marks this run as outliving the call that started it (the call returned a stream of its work). */
  public void defer() {
    deferred = true;
  }

  public boolean isDeferred() {
    return deferred;
  }

  /** {@code invoke_agent {agentName}}; {@code conversationId} may be null. Returns null on failure. */
  public static GenAiOperation startAgent(String scope, String agentName, String conversationId) {
    try {
      Context parent = Context.current();
      SpanBuilder b = builder(scope, agentName == null ? "invoke_agent" : "invoke_agent " + agentName, parent)
          .setAttribute(OPERATION_NAME, "invoke_agent");
      if (agentName != null) {
        b.setAttribute(AGENT_NAME, agentName);
      }
      if (conversationId != null) {
        b.setAttribute(CONVERSATION_ID, conversationId);
      }
      Span span = b.startSpan();
      Context context = parent.with(span);
      return new GenAiOperation(span, conversationId == null ? context : context.with(CONVERSATION, conversationId),
          true);
    } catch (Throwable t) {
      ExtensionLog.failure("GenAiOperation.startAgent", t);
      return null;
    }
  }

  /**
   * {@code execute_tool {toolName}}; arguments are recorded only when content capture is on.
   * Returns null inside an execution of the same tool (or on failure).
   */
  public static GenAiOperation startTool(String scope, String toolName, String callId, String arguments) {
    try {
      Context parent = Context.current();
      if (toolName.equals(parent.get(TOOL))) {
        return null;
      }
      SpanBuilder b = builder(scope, "execute_tool " + toolName, parent)
          .setAttribute(OPERATION_NAME, "execute_tool")
          .setAttribute(TOOL_NAME, toolName)
          .setAttribute(TOOL_TYPE, "function");
      if (callId != null) {
        b.setAttribute(TOOL_CALL_ID, callId);
      }
      String conversation = parent.get(CONVERSATION);
      if (conversation != null) {
        b.setAttribute(CONVERSATION_ID, conversation);
      }
      if (arguments != null && HelperConfig.captureContent()) {
        b.setAttribute(TOOL_CALL_ARGUMENTS, cap(arguments));
      }
      Span span = b.startSpan();
      return new GenAiOperation(span, parent.with(span).with(TOOL, toolName), false);
    } catch (Throwable t) {
      ExtensionLog.failure("GenAiOperation.startTool", t);
      return null;
    }
  }

  public Scope makeCurrent() {
    return context.makeCurrent();
  }

  /** Ends once; {@code errorType} marks a failure that did not throw (a tool error result). */
  public void end(String toolResult, Throwable error, String errorType) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      if (toolResult != null && HelperConfig.captureContent()) {
        span.setAttribute(TOOL_CALL_RESULT, cap(toolResult));
      }
      if (error != null) {
        span.setAttribute(ERROR_TYPE, ErrorTypes.of(error));
        span.setStatus(StatusCode.ERROR);
        span.recordException(error);
      } else if (errorType != null) {
        span.setAttribute(ERROR_TYPE, errorType);
        // The error result's text is what the tool said went wrong: it is the status description,
        // as an exception's message would be (redacted by the agent side before export).
        span.setStatus(StatusCode.ERROR, toolResult == null ? "" : describe(toolResult));
      }
      span.end();
    } catch (Throwable t) {
      ExtensionLog.failure("GenAiOperation.end", t);
    }
  }

  private static SpanBuilder builder(String scope, String name, Context parent) {
    return GlobalOpenTelemetry.getTracerProvider().tracerBuilder(scope).setInstrumentationVersion(Inference.VERSION)
        .build().spanBuilder(name).setSpanKind(SpanKind.INTERNAL).setParent(parent);
  }

  /** Short enough for a status description: one line of at most {@value #MAX_DESCRIPTION} chars. */
  static String describe(String text) {
    String line = text.trim().replace('\n', ' ').replace('\r', ' ');
    return line.length() <= MAX_DESCRIPTION ? line : line.substring(0, MAX_DESCRIPTION - 1) + "…";
  }

  static final int MAX_DESCRIPTION = 1024;

  private static String cap(String value) {
    int max = HelperConfig.contentMaxLength;
    return value.length() <= max ? value : value.substring(0, Math.max(0, max - Messages.TRUNCATED_MARK.length())) + Messages.TRUNCATED_MARK;
  }
}
