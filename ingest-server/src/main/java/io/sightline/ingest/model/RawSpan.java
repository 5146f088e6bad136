package io.sightline.ingest.model;

import java.util.List;
import java.util.Objects;

/**
 * What one OTLP span says, independent of protobuf classes. The resource attributes instance is
 * shared by every span of one {@code ResourceSpans}, so consumers may cache per instance.
 *
 * @param parentSpanId "" for a root span; a span naming itself as parent is treated as a root
 */
public record RawSpan(
        Attributes resource,
        String scopeName,
        String scopeVersion,
        String traceId,
        String spanId,
        String parentSpanId,
        String name,
        SpanKind kind,
        long startNanos,
        long endNanos,
        Attributes attributes,
        List<RawEvent> events,
        List<RawLink> links,
        StatusCode statusCode,
        String statusMessage,
        int droppedAttributesCount,
        int droppedEventsCount,
        int droppedLinksCount) {

    public RawSpan {
        Objects.requireNonNull(resource, "resource");
        scopeName = Objects.requireNonNullElse(scopeName, "");
        scopeVersion = Objects.requireNonNullElse(scopeVersion, "");
        Ids.requireTraceId(traceId, "traceId");
        Ids.requireSpanId(spanId, "spanId");
        parentSpanId = Objects.requireNonNullElse(parentSpanId, "");
        if (parentSpanId.equals(spanId)) {
            parentSpanId = "";
        }
        if (!parentSpanId.isEmpty()) {
            Ids.requireSpanId(parentSpanId, "parentSpanId");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attributes, "attributes");
        events = List.copyOf(events);
        links = List.copyOf(links);
        Objects.requireNonNull(statusCode, "statusCode");
        statusMessage = Objects.requireNonNullElse(statusMessage, "");
    }

    public boolean isRoot() {
        return parentSpanId.isEmpty();
    }
}
