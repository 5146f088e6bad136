package io.sightline.ingest.model;

import java.util.List;

/**
 * The normalised form of one batch of spans and log records.
 *
 * @param droppedNoiseSpans spans left out as noise (Logfire {@code pending_span} placeholders)
 * @param skippedLogRecords log records that are not GenAI events or cannot be tied to a span
 */
public record NormalizedBatch(
        List<NormalizedResult> spans,
        List<NormalizedLogEvent> logEvents,
        int droppedNoiseSpans,
        int skippedLogRecords) {

    public NormalizedBatch {
        spans = List.copyOf(spans);
        logEvents = List.copyOf(logEvents);
    }
}
