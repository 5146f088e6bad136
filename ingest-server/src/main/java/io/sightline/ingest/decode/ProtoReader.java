package io.sightline.ingest.decode;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.sightline.ingest.model.Attributes;
import io.sightline.ingest.model.Ids;
import io.sightline.ingest.model.RawEvent;
import io.sightline.ingest.model.RawLink;
import io.sightline.ingest.model.RawLogRecord;
import io.sightline.ingest.model.RawSpan;
import io.sightline.ingest.model.SpanKind;
import io.sightline.ingest.model.StatusCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Protobuf request objects → model. One instance per request (not thread-safe). */
final class ProtoReader {
    private final ValueLimiter limiter;
    private final Rejections rejections = new Rejections();
    private final int[] elements = new int[1];

    ProtoReader(ValueLimiter limiter) {
        this.limiter = limiter;
    }

    DecodedTraces read(ExportTraceServiceRequest req) {
        List<RawSpan> out = new ArrayList<>();
        for (ResourceSpans rs : req.getResourceSpansList()) {
            Attributes resource = resourceOrEmpty(rs.getResource().getAttributesList(), "resource");
            if (resource == null) {
                rejectAll(rs);
                continue;
            }
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                InstrumentationScope scope = ss.getScope();
                for (Span span : ss.getSpansList()) {
                    try {
                        out.add(span(span, resource, scope));
                    } catch (ItemRejectedException e) {
                        rejections.reject(describe(span.getTraceId(), span.getSpanId()) + ": " + e.getMessage());
                    }
                }
            }
        }
        return new DecodedTraces(out, rejections.count(), rejections.messages());
    }

    DecodedLogs read(ExportLogsServiceRequest req) {
        List<RawLogRecord> out = new ArrayList<>();
        int sequence = 0;
        for (ResourceLogs rl : req.getResourceLogsList()) {
            Attributes resource = resourceOrEmpty(rl.getResource().getAttributesList(), "resource");
            for (ScopeLogs sl : rl.getScopeLogsList()) {
                InstrumentationScope scope = sl.getScope();
                for (LogRecord r : sl.getLogRecordsList()) {
                    int seq = sequence++;
                    if (resource == null) {
                        rejections.reject("log record " + seq + ": its resource is over the limits");
                        continue;
                    }
                    try {
                        out.add(logRecord(r, resource, scope, seq));
                    } catch (ItemRejectedException e) {
                        rejections.reject("log record " + seq + ": " + e.getMessage());
                    }
                }
            }
        }
        return new DecodedLogs(out, rejections.count(), rejections.messages());
    }

    private RawSpan span(Span s, Attributes resource, InstrumentationScope scope) throws ItemRejectedException {
        String traceId = traceId(s.getTraceId(), "trace id");
        String spanId = spanId(s.getSpanId(), "span id");
        String parent = optionalId(s.getParentSpanId(), 8, "parent span id");
        Attributes attrs = attributes(s.getAttributesList(), "span");

        int eventCount = s.getEventsCount();
        int keptEvents = Math.min(eventCount, limiter.limits().maxEventsPerSpan());
        List<RawEvent> events = keptEvents == 0 ? List.of() : new ArrayList<>(keptEvents);
        for (int i = 0; i < keptEvents; i++) {
            Span.Event e = s.getEvents(i);
            events.add(new RawEvent(e.getTimeUnixNano(), limiter.truncate(e.getName()),
                    attributes(e.getAttributesList(), "event")));
        }
        int linkCount = s.getLinksCount();
        int keptLinks = Math.min(linkCount, limiter.limits().maxLinksPerSpan());
        List<RawLink> links = keptLinks == 0 ? List.of() : new ArrayList<>(keptLinks);
        for (int i = 0; i < keptLinks; i++) {
            Span.Link l = s.getLinks(i);
            links.add(new RawLink(traceId(l.getTraceId(), "link trace id"), spanId(l.getSpanId(), "link span id"),
                    attributes(l.getAttributesList(), "link")));
        }
        return new RawSpan(resource, scope.getName(), scope.getVersion(), traceId, spanId, parent,
                limiter.truncate(s.getName()), SpanKind.forNumber(s.getKindValue()),
                s.getStartTimeUnixNano(), s.getEndTimeUnixNano(), attrs, events, links,
                StatusCode.forNumber(s.getStatus().getCodeValue()), limiter.truncate(s.getStatus().getMessage()),
                s.getDroppedAttributesCount(),
                s.getDroppedEventsCount() + (eventCount - keptEvents),
                s.getDroppedLinksCount() + (linkCount - keptLinks));
    }

    private RawLogRecord logRecord(LogRecord r, Attributes resource, InstrumentationScope scope, int seq)
            throws ItemRejectedException {
        String traceId = optionalId(r.getTraceId(), 16, "trace id");
        String spanId = optionalId(r.getSpanId(), 8, "span id");
        Attributes attrs = attributes(r.getAttributesList(), "log record");
        Object body = r.hasBody() ? topValue(r.getBody(), "body") : null;
        String eventName = !r.getEventName().isEmpty() ? r.getEventName() : attrs.getString("event.name");
        return new RawLogRecord(r.getTimeUnixNano(), r.getObservedTimeUnixNano(), traceId, spanId,
                r.getSeverityNumberValue(), r.getSeverityText(), eventName, body, attrs, resource,
                scope.getName(), scope.getVersion(), seq);
    }

    /** Null when the resource itself is over the limits: then every item under it is rejected. */
    private Attributes resourceOrEmpty(List<KeyValue> kvs, String where) {
        try {
            return attributes(kvs, where);
        } catch (ItemRejectedException e) {
            return null;
        }
    }

    private void rejectAll(ResourceSpans rs) {
        for (ScopeSpans ss : rs.getScopeSpansList()) {
            for (Span span : ss.getSpansList()) {
                rejections.reject(describe(span.getTraceId(), span.getSpanId()) + ": its resource is over the limits");
            }
        }
    }

    private Attributes attributes(List<KeyValue> kvs, String where) throws ItemRejectedException {
        int n = kvs.size();
        if (n == 0) {
            return Attributes.EMPTY;
        }
        limiter.checkAttributeCount(n, where);
        Attributes.Builder b = Attributes.builder(n);
        for (int i = 0; i < n; i++) {
            KeyValue kv = kvs.get(i);
            b.put(kv.getKey(), topValue(kv.getValue(), kv.getKey()));
        }
        return b.build();
    }

    private Object topValue(AnyValue v, String key) throws ItemRejectedException {
        elements[0] = 0;
        return value(v, 1, key);
    }

    private Object value(AnyValue v, int depth, String key) throws ItemRejectedException {
        switch (v.getValueCase()) {
            case STRING_VALUE:
                return limiter.truncate(v.getStringValue());
            case BOOL_VALUE:
                return v.getBoolValue();
            case INT_VALUE:
                return v.getIntValue();
            case DOUBLE_VALUE:
                return v.getDoubleValue();
            case BYTES_VALUE:
                return limiter.truncate(v.getBytesValue().toByteArray());
            case ARRAY_VALUE: {
                limiter.checkDepth(depth, key);
                List<AnyValue> values = v.getArrayValue().getValuesList();
                limiter.countElements(elements, values.size(), key);
                List<Object> list = new ArrayList<>(values.size());
                for (AnyValue e : values) {
                    list.add(value(e, depth + 1, key));
                }
                return Collections.unmodifiableList(list);
            }
            case KVLIST_VALUE: {
                limiter.checkDepth(depth, key);
                List<KeyValue> values = v.getKvlistValue().getValuesList();
                limiter.countElements(elements, values.size(), key);
                Map<String, Object> map = LinkedHashMap.newLinkedHashMap(values.size());
                for (KeyValue kv : values) {
                    map.put(kv.getKey(), value(kv.getValue(), depth + 1, key));
                }
                return Collections.unmodifiableMap(map);
            }
            default:
                return null; // unset, or a profiles-only string table reference
        }
    }

    private static String traceId(ByteString b, String what) throws ItemRejectedException {
        return id(b, 16, what);
    }

    private static String spanId(ByteString b, String what) throws ItemRejectedException {
        return id(b, 8, what);
    }

    private static String id(ByteString b, int bytes, String what) throws ItemRejectedException {
        if (b.isEmpty()) {
            throw new ItemRejectedException(what + " is empty");
        }
        if (b.size() != bytes) {
            throw new ItemRejectedException(what + " has " + b.size() + " bytes, expected " + bytes);
        }
        String hex = Ids.hex(b.toByteArray());
        if (!Ids.isValid(hex, bytes * 2)) {
            throw new ItemRejectedException(what + " is all zeros");
        }
        return hex;
    }

    /**
     * An id that may be absent (a root span's parent, a log record outside any trace): empty and
     * all-zero both mean none, as in the OTel Collector's data model.
     */
    private static String optionalId(ByteString b, int bytes, String what) throws ItemRejectedException {
        if (b.isEmpty() || b.size() == bytes && b.equals(ByteString.copyFrom(new byte[bytes]))) {
            return "";
        }
        return id(b, bytes, what);
    }

    private static String describe(ByteString traceId, ByteString spanId) {
        return "span " + printable(spanId) + " of trace " + printable(traceId);
    }

    private static String printable(ByteString id) {
        return id.isEmpty() || id.size() > 16 ? "?" : Ids.hex(id.toByteArray());
    }
}
