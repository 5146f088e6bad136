package io.sightline.ingest.model;

import java.util.Objects;

/** One span event as sent. */
public record RawEvent(long timeNanos, String name, Attributes attributes) {
    public RawEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(attributes, "attributes");
    }
}
