package io.sightline.ingest.decode;

import io.sightline.ingest.model.RawSpan;
import java.util.List;

/**
 * Spans that passed decoding, and the spans that did not.
 *
 * @param rejectedCount spans left out (bad ids, over the limits); OTLP {@code partial_success.rejected_spans}
 * @param rejectionMessages the first few reasons ({@link Rejections#MAX_MESSAGES}); join them for
 *     OTLP {@code partial_success.error_message}
 */
public record DecodedTraces(List<RawSpan> spans, int rejectedCount, List<String> rejectionMessages) {
    public DecodedTraces {
        spans = List.copyOf(spans);
        rejectionMessages = List.copyOf(rejectionMessages);
        if (rejectedCount < 0) {
            throw new IllegalArgumentException("rejectedCount must be >= 0");
        }
    }

    /** The text for OTLP {@code partial_success.error_message}; "" when nothing was rejected. */
    public String errorMessage() {
        return Rejections.summary(rejectedCount, rejectionMessages, "span");
    }
}
