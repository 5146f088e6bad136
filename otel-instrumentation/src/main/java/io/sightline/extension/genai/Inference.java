package io.sightline.extension.genai;

import static io.sightline.extension.genai.GenAiAttributes.*;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One GenAI inference call: a CLIENT span named {@code {operation} {model}} plus its metrics.
 *
 * <p>Exactly one span per call even when several layers are instrumented: an inference started
 * while another (unfinished) one is current does not open a span of its own; it <em>enriches</em>
 * the outer one instead (first-chunk time, exact usage, response id, server address), and the
 * outer one records the metrics. That is how Spring AI or LangChain4j over openai-java stays one
 * span. Only another layer enriches: a call of the same library made while one is still current
 * (an application chaining async calls, whose callbacks may run in the first call's context) is a
 * call of its own. {@link #end} is idempotent, so racing completion, cancellation and close are
 * harmless.
 */
public final class Inference {
  static final String VERSION = "0.1.0";
  private static final ContextKey<Inference> CURRENT = ContextKey.named("sightline-genai-inference");
  private static final ConcurrentHashMap<String, Tracer> tracers = new ConcurrentHashMap<>();

  private final InferenceRequest request;
  private final String scope;
  private final Inference outer;
  private final Span span;
  private final Context context;
  private final long startNanos;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile long firstChunkNanos;
  private InferenceResult inner;

  private Inference(String scope, InferenceRequest request, Inference outer, Span span, Context parent) {
    this.scope = scope;
    this.request = request;
    this.outer = outer;
    this.span = span;
    this.context = outer == null ? parent.with(span).with(CURRENT, this) : parent;
    this.startNanos = System.nanoTime();
  }

  /**
   * Starts an inference under the current context. Returns null (and logs once) if anything goes
   * wrong, so callers treat null as "not traced".
   */
  public static Inference start(String instrumentationScope, InferenceRequest request) {
    try {
      Context parent = Context.current();
      Inference current = parent.get(CURRENT);
      if (current != null && !current.ended.get() && !current.scope.equals(instrumentationScope)) {
        return new Inference(instrumentationScope, request, current, Span.getInvalid(), parent);
      }
      if (request.conversationId == null) {
        request.conversationId = parent.get(GenAiOperation.CONVERSATION);
      }
      AttributesBuilder attributes = Attributes.builder();
      request.startAttributes(attributes);
      Span span = tracer(instrumentationScope).spanBuilder(request.spanName())
          .setSpanKind(SpanKind.CLIENT)
          .setParent(parent)
          .setAllAttributes(attributes.build())
          .startSpan();
      return new Inference(instrumentationScope, request, null, span, parent);
    } catch (Throwable t) {
      ExtensionLog.failure("Inference.start", t);
      return null;
    }
  }

  /** Makes the span current on this thread; a no-op for an enriching inference. */
  public Scope makeCurrent() {
    return outer == null ? context.makeCurrent() : Scope.noop();
  }

  /** The context carrying this inference's span. */
  public Context context() {
    return context;
  }

  /** Marks the arrival of the first streamed chunk (only the first call counts). */
  public void firstChunk() {
    if (outer != null) {
      outer.firstChunk();
    } else if (firstChunkNanos == 0L) {
      long now = System.nanoTime();
      synchronized (this) {
        if (firstChunkNanos == 0L) {
          firstChunkNanos = now;
        }
      }
    }
  }

  public void end(InferenceResult result, Throwable error) {
    end(result, error, null);
  }

  /**
   * Ends the call once; later calls are ignored.
   *
   * @param streamEnd for streams: completed, error, cancelled, closed or timeout
   */
  public void end(InferenceResult result, Throwable error, String streamEnd) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      if (outer != null) {
        outer.absorb(request, result);
        return;
      }
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      InferenceResult merged = result;
      synchronized (this) {
        if (inner != null) {
          if (merged == null) {
            merged = inner;
          } else {
            merged.preferUsageOf(inner);
          }
        }
      }
      if (merged != null) {
        merged.applyTo(span);
      }
      Double ttft = null;
      if (firstChunkNanos != 0L) {
        ttft = (firstChunkNanos - startNanos) / 1e9;
        span.setAttribute(RESPONSE_TIME_TO_FIRST_CHUNK, ttft);
      }
      if (streamEnd != null) {
        span.setAttribute(SIGHTLINE_STREAM_END, streamEnd);
      }
      String errorType = null;
      if (error != null) {
        errorType = ErrorTypes.of(error);
        span.setAttribute(ERROR_TYPE, errorType);
        span.setStatus(StatusCode.ERROR);
        span.recordException(error);
      } else if ("cancelled".equals(streamEnd) || "timeout".equals(streamEnd)) {
        errorType = streamEnd;
      }
      span.end();
      GenAiMetrics.record(request, merged, errorType, seconds, ttft);
    } catch (Throwable t) {
      ExtensionLog.failure("Inference.end", t);
    }
  }

  private void absorb(InferenceRequest sdkRequest, InferenceResult sdkResult) {
    if (request.serverAddress == null && sdkRequest.serverAddress != null) {
      request.serverAddress = sdkRequest.serverAddress;
      request.serverPort = sdkRequest.serverPort;
      span.setAttribute(SERVER_ADDRESS, sdkRequest.serverAddress);
      if (sdkRequest.serverPort != null) {
        span.setAttribute(SERVER_PORT, sdkRequest.serverPort);
      }
    }
    if (sdkResult == null) {
      return;
    }
    synchronized (this) {
      if (inner == null) {
        inner = new InferenceResult();
      }
      inner.absorb(sdkResult);
    }
  }

  private static Tracer tracer(String scope) {
    Tracer tracer = tracers.get(scope);
    if (tracer == null) {
      tracer = GlobalOpenTelemetry.getTracerProvider().tracerBuilder(scope).setInstrumentationVersion(VERSION).build();
      tracers.put(scope, tracer);
    }
    return tracer;
  }
}
