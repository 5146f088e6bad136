package io.sightline.clickhouse.tables;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the {@code spans} table (migration 0001), as ingest writes it and tests load it.
 * Enum-valued fields hold the column's value names ({@code "llm"}, {@code "error"}, ...).
 * {@code costUsd} is null when the price is unknown: never 0 for "unknown".
 */
public record SpanRow(
    String projectId,
    int retentionDays,
    String traceId,
    String spanId,
    String parentSpanId,
    Instant startTime,
    long durationNanos,
    Instant ingestedAt,
    String serviceName,
    String serviceVersion,
    String environment,
    String scopeName,
    String scopeVersion,
    String spanName,
    String spanKind,
    String statusCode,
    String statusMessage,
    String obsType,
    String operationName,
    String provider,
    String requestModel,
    String responseModel,
    String responseId,
    String agentName,
    String agentId,
    String toolName,
    String toolCallId,
    String sessionId,
    String userId,
    String promptName,
    String promptVersion,
    List<String> finishReasons,
    String errorType,
    String errorMessage,
    boolean streaming,
    long ttftMillis,
    long inputTokens,
    long outputTokens,
    long totalTokens,
    long cacheReadTokens,
    long cacheWriteTokens,
    long reasoningTokens,
    boolean usageIsRollup,
    BigDecimal costUsd,
    String costSource,
    String priceVersion,
    String inputPreview,
    String outputPreview,
    long contentBytes,
    String semconvSource,
    Map<String, String> spanAttributes,
    Map<String, String> resourceAttributes,
    List<Event> events,
    List<Link> links) {

  public SpanRow {
    Objects.requireNonNull(projectId, "projectId == null");
    Objects.requireNonNull(traceId, "traceId == null");
    Objects.requireNonNull(spanId, "spanId == null");
    Objects.requireNonNull(startTime, "startTime == null");
    parentSpanId = parentSpanId == null ? "" : parentSpanId;
    finishReasons = finishReasons == null ? List.of() : List.copyOf(finishReasons);
    spanAttributes = spanAttributes == null ? Map.of() : spanAttributes;
    resourceAttributes = resourceAttributes == null ? Map.of() : resourceAttributes;
    events = events == null ? List.of() : List.copyOf(events);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** A span event: time, name, attributes (stringified). */
  public record Event(Instant time, String name, Map<String, String> attributes) {}

  /** A span link. */
  public record Link(String traceId, String spanId, Map<String, String> attributes) {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds rows with defaults for everything optional (empty strings, zeros, "other" type). */
  public static final class Builder {
    String projectId = "default";
    int retentionDays = 30;
    String traceId;
    String spanId;
    String parentSpanId = "";
    Instant startTime;
    long durationNanos;
    Instant ingestedAt = Instant.EPOCH;
    String serviceName = "";
    String serviceVersion = "";
    String environment = "";
    String scopeName = "";
    String scopeVersion = "";
    String spanName = "";
    String spanKind = "internal";
    String statusCode = "unset";
    String statusMessage = "";
    String obsType = "other";
    String operationName = "";
    String provider = "";
    String requestModel = "";
    String responseModel = "";
    String responseId = "";
    String agentName = "";
    String agentId = "";
    String toolName = "";
    String toolCallId = "";
    String sessionId = "";
    String userId = "";
    String promptName = "";
    String promptVersion = "";
    List<String> finishReasons = List.of();
    String errorType = "";
    String errorMessage = "";
    boolean streaming;
    long ttftMillis;
    long inputTokens;
    long outputTokens;
    long totalTokens;
    long cacheReadTokens;
    long cacheWriteTokens;
    long reasoningTokens;
    boolean usageIsRollup;
    BigDecimal costUsd;
    String costSource = "none";
    String priceVersion = "";
    String inputPreview = "";
    String outputPreview = "";
    long contentBytes;
    String semconvSource = "";
    Map<String, String> spanAttributes = Map.of();
    Map<String, String> resourceAttributes = Map.of();
    List<Event> events = List.of();
    List<Link> links = List.of();

    Builder() {}

    Builder(SpanRow r) {
      projectId = r.projectId; retentionDays = r.retentionDays; traceId = r.traceId;
      spanId = r.spanId; parentSpanId = r.parentSpanId; startTime = r.startTime;
      durationNanos = r.durationNanos; ingestedAt = r.ingestedAt; serviceName = r.serviceName;
      serviceVersion = r.serviceVersion; environment = r.environment; scopeName = r.scopeName;
      scopeVersion = r.scopeVersion; spanName = r.spanName; spanKind = r.spanKind;
      statusCode = r.statusCode; statusMessage = r.statusMessage; obsType = r.obsType;
      operationName = r.operationName; provider = r.provider; requestModel = r.requestModel;
      responseModel = r.responseModel; responseId = r.responseId; agentName = r.agentName;
      agentId = r.agentId; toolName = r.toolName; toolCallId = r.toolCallId;
      sessionId = r.sessionId; userId = r.userId; promptName = r.promptName;
      promptVersion = r.promptVersion; finishReasons = r.finishReasons; errorType = r.errorType;
      errorMessage = r.errorMessage; streaming = r.streaming; ttftMillis = r.ttftMillis;
      inputTokens = r.inputTokens; outputTokens = r.outputTokens; totalTokens = r.totalTokens;
      cacheReadTokens = r.cacheReadTokens; cacheWriteTokens = r.cacheWriteTokens;
      reasoningTokens = r.reasoningTokens; usageIsRollup = r.usageIsRollup; costUsd = r.costUsd;
      costSource = r.costSource; priceVersion = r.priceVersion; inputPreview = r.inputPreview;
      outputPreview = r.outputPreview; contentBytes = r.contentBytes;
      semconvSource = r.semconvSource; spanAttributes = r.spanAttributes;
      resourceAttributes = r.resourceAttributes; events = r.events; links = r.links;
    }

    public Builder projectId(String v) { projectId = v; return this; }
    public Builder retentionDays(int v) { retentionDays = v; return this; }
    public Builder traceId(String v) { traceId = v; return this; }
    public Builder spanId(String v) { spanId = v; return this; }
    public Builder parentSpanId(String v) { parentSpanId = v; return this; }
    public Builder startTime(Instant v) { startTime = v; return this; }
    public Builder durationNanos(long v) { durationNanos = v; return this; }
    public Builder ingestedAt(Instant v) { ingestedAt = v; return this; }
    public Builder serviceName(String v) { serviceName = v; return this; }
    public Builder serviceVersion(String v) { serviceVersion = v; return this; }
    public Builder environment(String v) { environment = v; return this; }
    public Builder scopeName(String v) { scopeName = v; return this; }
    public Builder scopeVersion(String v) { scopeVersion = v; return this; }
    public Builder spanName(String v) { spanName = v; return this; }
    public Builder spanKind(String v) { spanKind = v; return this; }
    public Builder statusCode(String v) { statusCode = v; return this; }
    public Builder statusMessage(String v) { statusMessage = v; return this; }
    public Builder obsType(String v) { obsType = v; return this; }
    public Builder operationName(String v) { operationName = v; return this; }
    public Builder provider(String v) { provider = v; return this; }
    public Builder requestModel(String v) { requestModel = v; return this; }
    public Builder responseModel(String v) { responseModel = v; return this; }
    public Builder responseId(String v) { responseId = v; return this; }
    public Builder agentName(String v) { agentName = v; return this; }
    public Builder agentId(String v) { agentId = v; return this; }
    public Builder toolName(String v) { toolName = v; return this; }
    public Builder toolCallId(String v) { toolCallId = v; return this; }
    public Builder sessionId(String v) { sessionId = v; return this; }
    public Builder userId(String v) { userId = v; return this; }
    public Builder promptName(String v) { promptName = v; return this; }
    public Builder promptVersion(String v) { promptVersion = v; return this; }
    public Builder finishReasons(List<String> v) { finishReasons = v; return this; }
    public Builder errorType(String v) { errorType = v; return this; }
    public Builder errorMessage(String v) { errorMessage = v; return this; }
    public Builder streaming(boolean v) { streaming = v; return this; }
    public Builder ttftMillis(long v) { ttftMillis = v; return this; }
    public Builder inputTokens(long v) { inputTokens = v; return this; }
    public Builder outputTokens(long v) { outputTokens = v; return this; }
    public Builder totalTokens(long v) { totalTokens = v; return this; }
    public Builder cacheReadTokens(long v) { cacheReadTokens = v; return this; }
    public Builder cacheWriteTokens(long v) { cacheWriteTokens = v; return this; }
    public Builder reasoningTokens(long v) { reasoningTokens = v; return this; }
    public Builder usageIsRollup(boolean v) { usageIsRollup = v; return this; }
    public Builder costUsd(BigDecimal v) { costUsd = v; return this; }
    public Builder costSource(String v) { costSource = v; return this; }
    public Builder priceVersion(String v) { priceVersion = v; return this; }
    public Builder inputPreview(String v) { inputPreview = v; return this; }
    public Builder outputPreview(String v) { outputPreview = v; return this; }
    public Builder contentBytes(long v) { contentBytes = v; return this; }
    public Builder semconvSource(String v) { semconvSource = v; return this; }
    public Builder spanAttributes(Map<String, String> v) { spanAttributes = v; return this; }
    public Builder resourceAttributes(Map<String, String> v) { resourceAttributes = v; return this; }
    public Builder events(List<Event> v) { events = v; return this; }
    public Builder links(List<Link> v) { links = v; return this; }

    public SpanRow build() {
      return new SpanRow(projectId, retentionDays, traceId, spanId, parentSpanId, startTime,
          durationNanos, ingestedAt, serviceName, serviceVersion, environment, scopeName,
          scopeVersion, spanName, spanKind, statusCode, statusMessage, obsType, operationName,
          provider, requestModel, responseModel, responseId, agentName, agentId, toolName,
          toolCallId, sessionId, userId, promptName, promptVersion, finishReasons, errorType,
          errorMessage, streaming, ttftMillis, inputTokens, outputTokens, totalTokens,
          cacheReadTokens, cacheWriteTokens, reasoningTokens, usageIsRollup, costUsd, costSource,
          priceVersion, inputPreview, outputPreview, contentBytes, semconvSource, spanAttributes,
          resourceAttributes, events, links);
    }
  }
}
