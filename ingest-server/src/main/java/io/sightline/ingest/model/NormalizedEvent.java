package io.sightline.ingest.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/** A span event for the {@code spans.events} nested column; attribute values stringified. */
public record NormalizedEvent(long timeNanos, String name, Map<String, String> attributes) {
    public NormalizedEvent {
        Objects.requireNonNull(name, "name");
        attributes = Collections.unmodifiableMap(Objects.requireNonNull(attributes, "attributes"));
    }
}
