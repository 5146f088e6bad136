package io.sightline.ingest.decode;

import com.google.protobuf.CodedInputStream;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.Objects;

/**
 * OTLP export requests → model ({@code RawSpan}, {@code RawLogRecord}). Stateless and
 * thread-safe; each call allocates its own reader.
 *
 * <p>A body that cannot be read at all throws {@link MalformedOtlpException} (→ INVALID_ARGUMENT /
 * HTTP 400). A span or log record with bad ids or over the {@link DecodeLimits} is left out on its
 * own and reported in {@code rejectedCount} / {@code rejectionMessages} (→ OTLP partial success).
 * An empty request, or an empty body, decodes to nothing.
 */
public final class OtlpDecoder {
    private final ValueLimiter limiter;

    public OtlpDecoder(DecodeLimits limits) {
        this.limiter = new ValueLimiter(Objects.requireNonNull(limits, "limits"));
    }

    /** The gRPC path: the request is already parsed. */
    public DecodedTraces decodeTraces(ExportTraceServiceRequest req) {
        return new ProtoReader(limiter).read(Objects.requireNonNull(req, "req"));
    }

    /** The HTTP path. */
    public DecodedTraces decodeTraces(byte[] body, OtlpEncoding encoding) throws MalformedOtlpException {
        Objects.requireNonNull(body, "body");
        return switch (Objects.requireNonNull(encoding, "encoding")) {
            case PROTOBUF -> decodeTraces(parseTraces(body));
            case JSON -> new JsonTraceReader(limiter).read(body);
        };
    }

    /** The gRPC path: the request is already parsed. */
    public DecodedLogs decodeLogs(ExportLogsServiceRequest req) {
        return new ProtoReader(limiter).read(Objects.requireNonNull(req, "req"));
    }

    /** The HTTP path. */
    public DecodedLogs decodeLogs(byte[] body, OtlpEncoding encoding) throws MalformedOtlpException {
        Objects.requireNonNull(body, "body");
        return switch (Objects.requireNonNull(encoding, "encoding")) {
            case PROTOBUF -> decodeLogs(parseLogs(body));
            case JSON -> new JsonLogReader(limiter).read(body);
        };
    }

    /**
     * protobuf-java stops at 100 nested messages, and each level of a nested attribute value is
     * three (AnyValue, KeyValueList, KeyValue): raise the bound so that a deep value rejects only
     * its own span (see {@link DecodeLimits#maxValueDepth}) instead of the whole request.
     */
    private static CodedInputStream input(byte[] body) {
        CodedInputStream in = CodedInputStream.newInstance(body);
        in.setRecursionLimit(PROTOBUF_RECURSION_LIMIT);
        return in;
    }

    static final int PROTOBUF_RECURSION_LIMIT = 1000;

    private static ExportTraceServiceRequest parseTraces(byte[] body) throws MalformedOtlpException {
        try {
            return ExportTraceServiceRequest.parseFrom(input(body));
        } catch (java.io.IOException e) { // InvalidProtocolBufferException, or a read past the end
            throw new MalformedOtlpException("invalid OTLP/protobuf request: the body is not an "
                    + "ExportTraceServiceRequest (" + e.getMessage() + "). If you sent JSON, use "
                    + "Content-Type: application/json.", e);
        }
    }

    private static ExportLogsServiceRequest parseLogs(byte[] body) throws MalformedOtlpException {
        try {
            return ExportLogsServiceRequest.parseFrom(input(body));
        } catch (java.io.IOException e) { // InvalidProtocolBufferException, or a read past the end
            throw new MalformedOtlpException("invalid OTLP/protobuf request: the body is not an "
                    + "ExportLogsServiceRequest (" + e.getMessage() + "). If you sent JSON, use "
                    + "Content-Type: application/json.", e);
        }
    }
}
