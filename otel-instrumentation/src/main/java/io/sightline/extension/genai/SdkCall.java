package io.sightline.extension.genai;

import io.opentelemetry.context.Scope;

/**
 * One traced SDK call between its advice's enter and exit: the inference span and the scope that
 * makes it current. Subclasses say how the returned value ends the span.
 */
public abstract class SdkCall {
  protected final Inference inference;
  private final Scope scope;

  protected SdkCall(Inference inference, Scope scope) {
    this.inference = inference;
    this.scope = scope;
  }

  /**
   * Ends the span with the call's outcome, or hands it to the stream or future returned; returns
   * the value the caller gets (the same object or a transparent wrapper).
   */
  protected abstract Object finish(Object returned, Throwable error);

  /**
   * The advice's exit: closes the scope and finishes. A failure inside the extension is logged
   * once, ends the span without a result and leaves the caller's value unchanged.
   */
  public final Object exit(Object returned, Throwable error, String library) {
    try {
      scope.close();
    } catch (Throwable t) {
      ExtensionLog.failure(library + ".scope", t);
    }
    try {
      return finish(returned, error);
    } catch (Throwable t) {
      ExtensionLog.failure(library + ".end", t);
      inference.end(null, null);
      return returned;
    }
  }
}
