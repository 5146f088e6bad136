package io.sightline.ingest.decode;

/** One span or log record cannot be accepted; the request goes on without it. No stack trace: it is data, not a bug. */
final class ItemRejectedException extends Exception {
    ItemRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
