package io.sightline.ingest.model;

import java.util.Objects;

/** One normalised span and its content. */
public record NormalizedResult(NormalizedSpan span, SpanContent content) {
    public NormalizedResult {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(content, "content");
    }

    public NormalizedResult withSpan(NormalizedSpan s) {
        return new NormalizedResult(s, content);
    }
}
