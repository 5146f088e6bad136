package io.sightline.ingest.decode;

import com.fasterxml.jackson.core.JsonStreamContext;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.sightline.ingest.model.Attributes;
import io.sightline.ingest.model.RawLogRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** OTLP/JSON {@code ExportLogsServiceRequest} → model, streaming. One instance per request. */
final class JsonLogReader extends JsonReader {
    private int sequence;

    JsonLogReader(ValueLimiter limiter) {
        super(limiter);
    }

    DecodedLogs read(byte[] body) throws MalformedOtlpException {
        List<RawLogRecord> out = new ArrayList<>();
        readRequest(body, "ExportLogsServiceRequest", "resourceLogs", "resource_logs", () -> resourceLogs(out));
        return new DecodedLogs(out, rejections.count(), rejections.messages());
    }

    private void resourceLogs(List<RawLogRecord> out) throws IOException, MalformedOtlpException {
        Attributes resource = Attributes.EMPTY;
        List<ScopeDraft> scopes = new ArrayList<>(1);
        for (String f = nextField(); f != null; f = nextField()) {
            switch (f) {
                case "resource" -> resource = resource();
                case "scopeLogs", "scope_logs", "instrumentationLibraryLogs", "instrumentation_library_logs" -> {
                    if (startArray(f)) {
                        while (nextObjectElement(f)) {
                            scopes.add(scopeLogs());
                        }
                    }
                }
                default -> skipValue();
            }
        }
        for (ScopeDraft scope : scopes) {
            for (RecordDraft d : scope.records) {
                if (resource == null) {
                    rejections.reject("log record " + d.sequence + ": its resource has more than "
                            + limiter.limits().maxAttributes() + " attributes or too deep values");
                } else if (d.rejectReason != null) {
                    rejections.reject("log record " + d.sequence + ": " + d.rejectReason);
                } else {
                    try {
                        out.add(d.toRecord(resource, scope.name, scope.version));
                    } catch (ItemRejectedException e) {
                        rejections.reject("log record " + d.sequence + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    private ScopeDraft scopeLogs() throws IOException, MalformedOtlpException {
        ScopeDraft scope = new ScopeDraft();
        for (String f = nextField(); f != null; f = nextField()) {
            switch (f) {
                case "scope", "instrumentationLibrary", "instrumentation_library" -> {
                    String[] nv = scope();
                    scope.name = nv[0];
                    scope.version = nv[1];
                }
                case "logRecords", "log_records" -> {
                    if (startArray(f)) {
                        while (nextObjectElement(f)) {
                            scope.records.add(logRecord());
                        }
                    }
                }
                default -> skipValue();
            }
        }
        return scope;
    }

    private RecordDraft logRecord() throws IOException, MalformedOtlpException {
        RecordDraft d = new RecordDraft(sequence++);
        JsonStreamContext ctx = p.getParsingContext();
        for (String f = nextField(); f != null; f = nextField()) {
            try {
                switch (f) {
                    case "timeUnixNano", "time_unix_nano" -> d.time = int64(f);
                    case "observedTimeUnixNano", "observed_time_unix_nano" -> d.observedTime = int64(f);
                    case "severityNumber", "severity_number" ->
                            d.severityNumber = enumValue(f, JsonLogReader::severityNumber);
                    case "severityText", "severity_text" -> d.severityText = string(f);
                    case "body" -> {
                        if (d.rejectReason != null) {
                            skipValue();
                        } else {
                            d.body = topValue("body");
                        }
                    }
                    case "attributes" -> {
                        if (d.rejectReason != null) {
                            skipValue();
                        } else {
                            d.attributes = attributes("log record");
                        }
                    }
                    case "traceId", "trace_id" -> d.traceId = id(f);
                    case "spanId", "span_id" -> d.spanId = id(f);
                    case "eventName", "event_name" -> d.eventName = string(f);
                    default -> skipValue();
                }
            } catch (ItemRejectedException e) {
                if (d.rejectReason == null) {
                    d.rejectReason = e.getMessage();
                }
                unwindTo(ctx);
            }
        }
        return d;
    }

    private static int severityNumber(String name) {
        try {
            return SeverityNumber.valueOf(name).getNumber();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static final class ScopeDraft {
        String name = "";
        String version = "";
        final List<RecordDraft> records = new ArrayList<>();
    }

    private static final class RecordDraft {
        final int sequence;
        long time;
        long observedTime;
        int severityNumber;
        String severityText = "";
        Object body;
        Attributes attributes = Attributes.EMPTY;
        String traceId = "";
        String spanId = "";
        String eventName = "";
        String rejectReason;

        RecordDraft(int sequence) {
            this.sequence = sequence;
        }

        RawLogRecord toRecord(Attributes resource, String scopeName, String scopeVersion) throws ItemRejectedException {
            String trace = traceId.isEmpty() ? "" : checkId(traceId, 16, "trace id");
            String span = spanId.isEmpty() ? "" : checkId(spanId, 8, "span id");
            String name = eventName.isEmpty() ? attributes.getString("event.name") : eventName;
            return new RawLogRecord(time, observedTime, trace, span, severityNumber, severityText, name, body,
                    attributes, resource, scopeName, scopeVersion, sequence);
        }
    }
}
