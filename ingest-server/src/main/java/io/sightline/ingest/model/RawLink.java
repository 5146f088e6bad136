package io.sightline.ingest.model;

import java.util.Objects;

/** One span link as sent; ids are lower-case hex (validated). */
public record RawLink(String traceId, String spanId, Attributes attributes) {
    public RawLink {
        Ids.requireTraceId(traceId, "link traceId");
        Ids.requireSpanId(spanId, "link spanId");
        Objects.requireNonNull(attributes, "attributes");
    }
}
