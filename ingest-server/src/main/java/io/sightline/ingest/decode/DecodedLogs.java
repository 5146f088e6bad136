package io.sightline.ingest.decode;

import io.sightline.ingest.model.RawLogRecord;
import java.util.List;

/**
 * Log records that passed decoding, and those that did not.
 *
 * @param rejectedCount records left out; OTLP {@code partial_success.rejected_log_records}
 * @param rejectionMessages the first few reasons ({@link Rejections#MAX_MESSAGES})
 */
public record DecodedLogs(List<RawLogRecord> records, int rejectedCount, List<String> rejectionMessages) {
    public DecodedLogs {
        records = List.copyOf(records);
        rejectionMessages = List.copyOf(rejectionMessages);
        if (rejectedCount < 0) {
            throw new IllegalArgumentException("rejectedCount must be >= 0");
        }
    }

    /** The text for OTLP {@code partial_success.error_message}; "" when nothing was rejected. */
    public String errorMessage() {
        return Rejections.summary(rejectedCount, rejectionMessages, "log record");
    }
}
