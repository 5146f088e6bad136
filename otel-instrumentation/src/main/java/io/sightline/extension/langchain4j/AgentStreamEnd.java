package io.sightline.extension.langchain4j;

import io.sightline.extension.genai.ExtensionLog;
import io.sightline.extension.genai.GenAiOperation;
import java.util.function.Consumer;

/**
 * Wraps the completion or error handler the application gave a {@code TokenStream}: LangChain4j
 * calls it once, when the whole agent run (model calls and tools) is over. The agent span ends
 * first, so the application's own handling is not part of it.
 */
final class AgentStreamEnd implements Consumer<Object> {
  private final GenAiOperation agent;
  private final Consumer<Object> delegate;
  private final boolean failure;

  private AgentStreamEnd(GenAiOperation agent, Consumer<Object> delegate, boolean failure) {
    this.agent = agent;
    this.delegate = delegate;
    this.failure = failure;
  }

  static AgentStreamEnd onComplete(GenAiOperation agent, Consumer<Object> delegate) {
    return new AgentStreamEnd(agent, delegate, false);
  }

  static AgentStreamEnd onError(GenAiOperation agent, Consumer<Object> delegate) {
    return new AgentStreamEnd(agent, delegate, true);
  }

  @Override
  public void accept(Object value) {
    try {
      agent.end(null, failure && value instanceof Throwable ? (Throwable) value : null, null);
    } catch (Throwable t) {
      ExtensionLog.failure("langchain4j.agentStreamEnd", t);
    }
    delegate.accept(value);
  }
}
