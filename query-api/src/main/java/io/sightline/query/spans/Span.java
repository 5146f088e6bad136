package io.sightline.query.spans;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One deduplicated span as the query side sees it: the OTLP envelope, the normalised GenAI fields
 * and its content. {@code costUsd} is null when the price is unknown.
 */
public record Span(
    String traceId, String spanId, String parentSpanId, Instant start, long durationNanos,
    String name, String kind, String status, String statusMessage,
    String service, String serviceVersion, String environment, String scopeName,
    String scopeVersion, String obsType, String operation, String provider, String requestModel,
    String responseModel, String responseId, String agentName, String agentId, String toolName,
    String toolCallId, String sessionId, String userId, String promptName, String promptVersion,
    List<String> finishReasons, String errorType, String errorMessage, boolean streaming,
    long ttftMillis, Usage usage, boolean usageIsRollup, BigDecimal costUsd, String costSource,
    String priceVersion, String inputPreview, String outputPreview, String semconvSource,
    Map<String, String> attributes, Map<String, String> resourceAttributes, List<Event> events,
    List<Link> links, SpanContent content) {

  /** A span event, or a non-message GenAI log record tied to the span ({@code source = "log"}). */
  public record Event(Instant time, String name, Map<String, String> attributes, String source) {}

  public record Link(String traceId, String spanId, Map<String, String> attributes) {}

  public Instant end() {
    return start.plusNanos(durationNanos);
  }

  public double durationMillis() {
    return durationNanos / 1e6;
  }

  public boolean isError() {
    return "error".equals(status);
  }

  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }

  public boolean isModelCall() {
    return "llm".equals(obsType) || "embedding".equals(obsType);
  }

  public boolean isAgentLike() {
    return "agent".equals(obsType) || "workflow".equals(obsType);
  }

  /** The model that answered, else the one asked for. */
  public String model() {
    return responseModel.isEmpty() ? requestModel : responseModel;
  }

  Span withContent(SpanContent c, List<Event> allEvents) {
    return new Span(traceId, spanId, parentSpanId, start, durationNanos, name, kind, status,
        statusMessage, service, serviceVersion, environment, scopeName, scopeVersion, obsType,
        operation, provider, requestModel, responseModel, responseId, agentName, agentId,
        toolName, toolCallId, sessionId, userId, promptName, promptVersion, finishReasons,
        errorType, errorMessage, streaming, ttftMillis, usage, usageIsRollup, costUsd,
        costSource, priceVersion, inputPreview, outputPreview, semconvSource, attributes,
        resourceAttributes, allEvents, links, c);
  }
}
