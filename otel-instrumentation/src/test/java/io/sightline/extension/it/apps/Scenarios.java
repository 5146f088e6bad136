package io.sightline.extension.it.apps;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Runs each scenario of an app under its own span ({@code scenario NAME}) with baggage
 * {@code session.id=sess-NAME} and {@code user.id=user-7}, and prints one comparable result line
 * ({@code OUT NAME: result} or {@code OUT NAME: threw Type: message}).
 */
public final class Scenarios {
  private static final Tracer tracer = GlobalOpenTelemetry.getTracer("it-app");

  private Scenarios() {}

  public static void run(String name, Callable<Object> body) {
    Span span = tracer.spanBuilder("scenario " + name).startSpan();
    Baggage baggage = Baggage.current().toBuilder().put("session.id", "sess-" + name).put("user.id", "user-7").build();
    String out;
    try (Scope s = span.makeCurrent(); Scope b = baggage.makeCurrent()) {
      out = String.valueOf(body.call());
    } catch (Throwable e) {
      Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      out = "threw " + t.getClass().getName() + ": " + t.getMessage();
      System.err.println("scenario " + name + " threw:");
      t.printStackTrace();
    } finally {
      span.end();
    }
    System.out.println("OUT " + name + ": " + out.replace('\n', ' '));
  }

  /** Ends the app once its telemetry is flushed (the agent flushes in a shutdown hook). */
  public static void done() {
    System.out.println("DONE");
    System.exit(0);
  }

  /** The user prompt carrying the scenario marker the fake server's rules match on. */
  public static String prompt(String name, String text) {
    return "[scenario=" + name + "] " + text;
  }
}
