package io.sightline.ingest.decode;

import com.fasterxml.jackson.core.JsonStreamContext;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.sightline.ingest.model.Attributes;
import io.sightline.ingest.model.RawEvent;
import io.sightline.ingest.model.RawLink;
import io.sightline.ingest.model.RawSpan;
import io.sightline.ingest.model.SpanKind;
import io.sightline.ingest.model.StatusCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** OTLP/JSON {@code ExportTraceServiceRequest} → model, streaming. One instance per request. */
final class JsonTraceReader extends JsonReader {
    private static final Set<String> SCOPE_SPANS =
            Set.of("scopeSpans", "scope_spans", "instrumentationLibrarySpans", "instrumentation_library_spans");
    private static final Set<String> SPANS = Set.of("spans");

    JsonTraceReader(ValueLimiter limiter) {
        super(limiter);
    }

    DecodedTraces read(byte[] body) throws MalformedOtlpException {
        List<RawSpan> out = new ArrayList<>();
        readRequest(body, "ExportTraceServiceRequest", "resourceSpans", "resource_spans",
                () -> resourceGroup(SCOPE_SPANS, SPANS, this::span, out));
        return new DecodedTraces(out, rejections.count(), rejections.messages());
    }

    private SpanDraft span() throws IOException, MalformedOtlpException {
        SpanDraft d = new SpanDraft();
        JsonStreamContext ctx = p.getParsingContext();
        for (String f = nextField(); f != null; f = nextField()) {
            try {
                switch (f) {
                    case "traceId", "trace_id" -> d.traceId = id(f);
                    case "spanId", "span_id" -> d.spanId = id(f);
                    case "parentSpanId", "parent_span_id" -> d.parentSpanId = id(f);
                    case "name" -> d.name = string(f);
                    case "kind" -> d.kind = SpanKind.forNumber(enumValue(f, JsonTraceReader::kindNumber));
                    case "startTimeUnixNano", "start_time_unix_nano" -> d.start = int64(f);
                    case "endTimeUnixNano", "end_time_unix_nano" -> d.end = int64(f);
                    case "attributes" -> {
                        if (d.rejectReason != null) {
                            skipValue();
                        } else {
                            d.attributes = attributes("span");
                        }
                    }
                    case "droppedAttributesCount", "dropped_attributes_count" -> d.droppedAttributes = int32(f);
                    case "events" -> events(d);
                    case "droppedEventsCount", "dropped_events_count" -> d.droppedEvents += int32(f);
                    case "links" -> links(d);
                    case "droppedLinksCount", "dropped_links_count" -> d.droppedLinks += int32(f);
                    case "status" -> status(d);
                    default -> skipValue();
                }
            } catch (ItemRejectedException e) {
                if (d.rejectReason == null) {
                    d.rejectReason = e.getMessage();
                }
                unwindTo(ctx);
            }
        }
        return d;
    }

    private void events(SpanDraft d) throws IOException, MalformedOtlpException, ItemRejectedException {
        if (!startArray("events")) {
            return;
        }
        while (nextObjectElement("events")) {
            if (d.rejectReason != null || d.events.size() >= limiter.limits().maxEventsPerSpan()) {
                p.skipChildren();
                d.droppedEvents++;
                continue;
            }
            long time = 0;
            String name = "";
            Attributes attrs = Attributes.EMPTY;
            for (String f = nextField(); f != null; f = nextField()) {
                switch (f) {
                    case "timeUnixNano", "time_unix_nano" -> time = int64(f);
                    case "name" -> name = string(f);
                    case "attributes" -> attrs = attributes("event");
                    default -> skipValue();
                }
            }
            d.events.add(new RawEvent(time, name, attrs));
        }
    }

    private void links(SpanDraft d) throws IOException, MalformedOtlpException, ItemRejectedException {
        if (!startArray("links")) {
            return;
        }
        while (nextObjectElement("links")) {
            if (d.rejectReason != null || d.links.size() >= limiter.limits().maxLinksPerSpan()) {
                p.skipChildren();
                d.droppedLinks++;
                continue;
            }
            String traceId = "";
            String spanId = "";
            Attributes attrs = Attributes.EMPTY;
            for (String f = nextField(); f != null; f = nextField()) {
                switch (f) {
                    case "traceId", "trace_id" -> traceId = id(f);
                    case "spanId", "span_id" -> spanId = id(f);
                    case "attributes" -> attrs = attributes("link");
                    default -> skipValue();
                }
            }
            d.links.add(new RawLink(checkId(traceId, 16, "link trace id"), checkId(spanId, 8, "link span id"), attrs));
        }
    }

    private void status(SpanDraft d) throws IOException, MalformedOtlpException {
        if (!startObject("status")) {
            return;
        }
        for (String f = nextField(); f != null; f = nextField()) {
            switch (f) {
                case "code" -> d.statusCode = StatusCode.forNumber(enumValue(f, JsonTraceReader::statusNumber));
                case "message" -> d.statusMessage = string(f);
                default -> skipValue();
            }
        }
    }

    private static int kindNumber(String name) {
        try {
            return Span.SpanKind.valueOf(name).getNumber();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static int statusNumber(String name) {
        try {
            return Status.StatusCode.valueOf(name).getNumber();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** A span as read, before the resource (which may come later in the JSON) is known. */
    private static final class SpanDraft extends ItemDraft<RawSpan> {
        String traceId = "";
        String spanId = "";
        String parentSpanId = "";
        String name = "";
        SpanKind kind = SpanKind.UNSPECIFIED;
        long start;
        long end;
        Attributes attributes = Attributes.EMPTY;
        final List<RawEvent> events = new ArrayList<>(0);
        final List<RawLink> links = new ArrayList<>(0);
        StatusCode statusCode = StatusCode.UNSET;
        String statusMessage = "";
        int droppedAttributes;
        int droppedEvents;
        int droppedLinks;

        @Override
        RawSpan build(Attributes resource, String scopeName, String scopeVersion) throws ItemRejectedException {
            String trace = checkId(traceId, 16, "trace id");
            String span = checkId(spanId, 8, "span id");
            String parent = checkOptionalId(parentSpanId, 8, "parent span id");
            return new RawSpan(resource, scopeName, scopeVersion, trace, span, parent, name, kind, start, end,
                    attributes, events, links, statusCode, statusMessage, droppedAttributes, droppedEvents,
                    droppedLinks);
        }

        @Override
        String describe() {
            return "span " + (spanId.isEmpty() ? "?" : spanId) + " of trace " + (traceId.isEmpty() ? "?" : traceId);
        }
    }
}
