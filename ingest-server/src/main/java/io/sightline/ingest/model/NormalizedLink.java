package io.sightline.ingest.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/** A span link for the {@code spans.links} nested column; attribute values stringified. */
public record NormalizedLink(String traceId, String spanId, Map<String, String> attributes) {
    public NormalizedLink {
        Ids.requireTraceId(traceId, "link traceId");
        Ids.requireSpanId(spanId, "link spanId");
        attributes = Collections.unmodifiableMap(Objects.requireNonNull(attributes, "attributes"));
    }
}
