package io.sightline.ingest.decode;

/**
 * The whole request could not be read (not protobuf, not JSON, wrong types). The message says
 * what is wrong in terms a user can act on; it becomes gRPC INVALID_ARGUMENT / HTTP 400.
 */
public final class MalformedOtlpException extends Exception {
    public MalformedOtlpException(String message) {
        super(message);
    }

    public MalformedOtlpException(String message, Throwable cause) {
        super(message, cause);
    }
}
