package io.sightline.ingest.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@code spans} row needs that does not depend on project, retention, ingest time,
 * cost calculation or redaction. Strings are never null ("" = unknown).
 *
 * <ul>
 *   <li>{@code provider}: OTel {@code gen_ai.provider.name} vocabulary (conventions.md §10.6);
 *   <li>{@code finishReasons}: canonical OTel values ({@code stop}, {@code length},
 *       {@code content_filter}, {@code tool_call}, {@code error}; unknown values lower-cased);
 *       the producer's spelling stays in {@code spanAttributes};
 *   <li>{@code ttftMs}: time to first token/chunk in ms, 0 = unknown;
 *   <li>{@code usageIsRollup}: the span's usage repeats its children's (in-process agent,
 *       workflow and chain spans) and must not be summed into trace totals;
 *   <li>{@code reportedCostUsd}: cost the producer computed, or null;
 *   <li>{@code spanAttributes}: all span attributes stringified, minus the content keys that
 *       were normalised into {@link SpanContent} (see {@code ContentKeys} in the normalize
 *       package).
 * </ul>
 */
public record NormalizedSpan(
        String traceId,
        String spanId,
        String parentSpanId,
        long startNanos,
        long endNanos,
        String serviceName,
        String serviceVersion,
        String environment,
        String scopeName,
        String scopeVersion,
        String spanName,
        SpanKind spanKind,
        StatusCode statusCode,
        String statusMessage,
        ObsType obsType,
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
        long ttftMs,
        TokenUsage usage,
        boolean usageIsRollup,
        BigDecimal reportedCostUsd,
        SemconvSource semconvSource,
        Map<String, String> spanAttributes,
        Map<String, String> resourceAttributes,
        List<NormalizedEvent> events,
        List<NormalizedLink> links) {

    public NormalizedSpan {
        Ids.requireTraceId(traceId, "traceId");
        Ids.requireSpanId(spanId, "spanId");
        Objects.requireNonNull(parentSpanId, "parentSpanId");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(serviceVersion, "serviceVersion");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(scopeName, "scopeName");
        Objects.requireNonNull(scopeVersion, "scopeVersion");
        Objects.requireNonNull(spanName, "spanName");
        Objects.requireNonNull(statusMessage, "statusMessage");
        Objects.requireNonNull(operationName, "operationName");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(requestModel, "requestModel");
        Objects.requireNonNull(responseModel, "responseModel");
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(toolCallId, "toolCallId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(promptName, "promptName");
        Objects.requireNonNull(promptVersion, "promptVersion");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(errorMessage, "errorMessage");
        if (!parentSpanId.isEmpty()) {
            Ids.requireSpanId(parentSpanId, "parentSpanId");
        }
        Objects.requireNonNull(spanKind, "spanKind");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(obsType, "obsType");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(semconvSource, "semconvSource");
        if (ttftMs < 0) {
            throw new IllegalArgumentException("ttftMs must be >= 0: " + ttftMs);
        }
        if (reportedCostUsd != null && reportedCostUsd.signum() < 0) {
            throw new IllegalArgumentException("reportedCostUsd must be >= 0: " + reportedCostUsd);
        }
        finishReasons = List.copyOf(finishReasons);
        spanAttributes = Collections.unmodifiableMap(Objects.requireNonNull(spanAttributes, "spanAttributes"));
        resourceAttributes = Collections.unmodifiableMap(Objects.requireNonNull(resourceAttributes, "resourceAttributes"));
        events = List.copyOf(events);
        links = List.copyOf(links);
    }

    public long durationNanos() {
        return Math.max(0, endNanos - startNanos);
    }

    public boolean isRoot() {
        return parentSpanId.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.traceId = traceId;
        b.spanId = spanId;
        b.parentSpanId = parentSpanId;
        b.startNanos = startNanos;
        b.endNanos = endNanos;
        b.serviceName = serviceName;
        b.serviceVersion = serviceVersion;
        b.environment = environment;
        b.scopeName = scopeName;
        b.scopeVersion = scopeVersion;
        b.spanName = spanName;
        b.spanKind = spanKind;
        b.statusCode = statusCode;
        b.statusMessage = statusMessage;
        b.obsType = obsType;
        b.operationName = operationName;
        b.provider = provider;
        b.requestModel = requestModel;
        b.responseModel = responseModel;
        b.responseId = responseId;
        b.agentName = agentName;
        b.agentId = agentId;
        b.toolName = toolName;
        b.toolCallId = toolCallId;
        b.sessionId = sessionId;
        b.userId = userId;
        b.promptName = promptName;
        b.promptVersion = promptVersion;
        b.finishReasons = finishReasons;
        b.errorType = errorType;
        b.errorMessage = errorMessage;
        b.streaming = streaming;
        b.ttftMs = ttftMs;
        b.usage = usage;
        b.usageIsRollup = usageIsRollup;
        b.reportedCostUsd = reportedCostUsd;
        b.semconvSource = semconvSource;
        b.spanAttributes = spanAttributes;
        b.resourceAttributes = resourceAttributes;
        b.events = events;
        b.links = links;
        return b;
    }

    /** Defaults: "" strings, zero numbers, {@code OTHER}/{@code UNSET}/{@code UNSPECIFIED}, no usage, no cost. */
    public static final class Builder {
        private String traceId = null;
        private String spanId = null;
        private String parentSpanId = "";
        private long startNanos = 0;
        private long endNanos = 0;
        private String serviceName = "";
        private String serviceVersion = "";
        private String environment = "";
        private String scopeName = "";
        private String scopeVersion = "";
        private String spanName = "";
        private SpanKind spanKind = SpanKind.UNSPECIFIED;
        private StatusCode statusCode = StatusCode.UNSET;
        private String statusMessage = "";
        private ObsType obsType = ObsType.OTHER;
        private String operationName = "";
        private String provider = "";
        private String requestModel = "";
        private String responseModel = "";
        private String responseId = "";
        private String agentName = "";
        private String agentId = "";
        private String toolName = "";
        private String toolCallId = "";
        private String sessionId = "";
        private String userId = "";
        private String promptName = "";
        private String promptVersion = "";
        private List<String> finishReasons = List.of();
        private String errorType = "";
        private String errorMessage = "";
        private boolean streaming = false;
        private long ttftMs = 0;
        private TokenUsage usage = TokenUsage.NONE;
        private boolean usageIsRollup = false;
        private BigDecimal reportedCostUsd = null;
        private SemconvSource semconvSource = SemconvSource.NONE;
        private Map<String, String> spanAttributes = Map.of();
        private Map<String, String> resourceAttributes = Map.of();
        private List<NormalizedEvent> events = List.of();
        private List<NormalizedLink> links = List.of();

        private Builder() {}

        public Builder traceId(String traceId) {
            this.traceId = traceId;
            return this;
        }

        public Builder spanId(String spanId) {
            this.spanId = spanId;
            return this;
        }

        public Builder parentSpanId(String parentSpanId) {
            this.parentSpanId = parentSpanId;
            return this;
        }

        public Builder startNanos(long startNanos) {
            this.startNanos = startNanos;
            return this;
        }

        public Builder endNanos(long endNanos) {
            this.endNanos = endNanos;
            return this;
        }

        public Builder serviceName(String serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        public Builder serviceVersion(String serviceVersion) {
            this.serviceVersion = serviceVersion;
            return this;
        }

        public Builder environment(String environment) {
            this.environment = environment;
            return this;
        }

        public Builder scopeName(String scopeName) {
            this.scopeName = scopeName;
            return this;
        }

        public Builder scopeVersion(String scopeVersion) {
            this.scopeVersion = scopeVersion;
            return this;
        }

        public Builder spanName(String spanName) {
            this.spanName = spanName;
            return this;
        }

        public Builder spanKind(SpanKind spanKind) {
            this.spanKind = spanKind;
            return this;
        }

        public Builder statusCode(StatusCode statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        public Builder statusMessage(String statusMessage) {
            this.statusMessage = statusMessage;
            return this;
        }

        public Builder obsType(ObsType obsType) {
            this.obsType = obsType;
            return this;
        }

        public Builder operationName(String operationName) {
            this.operationName = operationName;
            return this;
        }

        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        public Builder requestModel(String requestModel) {
            this.requestModel = requestModel;
            return this;
        }

        public Builder responseModel(String responseModel) {
            this.responseModel = responseModel;
            return this;
        }

        public Builder responseId(String responseId) {
            this.responseId = responseId;
            return this;
        }

        public Builder agentName(String agentName) {
            this.agentName = agentName;
            return this;
        }

        public Builder agentId(String agentId) {
            this.agentId = agentId;
            return this;
        }

        public Builder toolName(String toolName) {
            this.toolName = toolName;
            return this;
        }

        public Builder toolCallId(String toolCallId) {
            this.toolCallId = toolCallId;
            return this;
        }

        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder promptName(String promptName) {
            this.promptName = promptName;
            return this;
        }

        public Builder promptVersion(String promptVersion) {
            this.promptVersion = promptVersion;
            return this;
        }

        public Builder finishReasons(List<String> finishReasons) {
            this.finishReasons = finishReasons;
            return this;
        }

        public Builder errorType(String errorType) {
            this.errorType = errorType;
            return this;
        }

        public Builder errorMessage(String errorMessage) {
            this.errorMessage = errorMessage;
            return this;
        }

        public Builder streaming(boolean streaming) {
            this.streaming = streaming;
            return this;
        }

        public Builder ttftMs(long ttftMs) {
            this.ttftMs = ttftMs;
            return this;
        }

        public Builder usage(TokenUsage usage) {
            this.usage = usage;
            return this;
        }

        public Builder usageIsRollup(boolean usageIsRollup) {
            this.usageIsRollup = usageIsRollup;
            return this;
        }

        public Builder reportedCostUsd(BigDecimal reportedCostUsd) {
            this.reportedCostUsd = reportedCostUsd;
            return this;
        }

        public Builder semconvSource(SemconvSource semconvSource) {
            this.semconvSource = semconvSource;
            return this;
        }

        public Builder spanAttributes(Map<String, String> spanAttributes) {
            this.spanAttributes = spanAttributes;
            return this;
        }

        public Builder resourceAttributes(Map<String, String> resourceAttributes) {
            this.resourceAttributes = resourceAttributes;
            return this;
        }

        public Builder events(List<NormalizedEvent> events) {
            this.events = events;
            return this;
        }

        public Builder links(List<NormalizedLink> links) {
            this.links = links;
            return this;
        }

        public NormalizedSpan build() {
            return new NormalizedSpan(traceId, spanId, parentSpanId, startNanos, endNanos, serviceName, serviceVersion, environment, scopeName, scopeVersion, spanName, spanKind, statusCode, statusMessage, obsType, operationName, provider, requestModel, responseModel, responseId, agentName, agentId, toolName, toolCallId, sessionId, userId, promptName, promptVersion, finishReasons, errorType, errorMessage, streaming, ttftMs, usage, usageIsRollup, reportedCostUsd, semconvSource, spanAttributes, resourceAttributes, events, links);
        }
    }
}
