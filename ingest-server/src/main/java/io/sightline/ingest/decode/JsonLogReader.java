package io.sightline.ingest.decode;

import com.fasterxml.jackson.core.JsonStreamContext;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.sightline.ingest.model.Attributes;
import io.sightline.ingest.model.RawLogRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** OTLP/JSON {@code ExportLogsServiceRequest} → model, streaming. One instance per request. */
final class JsonLogReader extends JsonReader {
    private static final Set<String> SCOPE_LOGS =
            Set.of("scopeLogs", "scope_logs", "instrumentationLibraryLogs", "instrumentation_library_logs");
    private static final Set<String> LOG_RECORDS = Set.of("logRecords", "log_records");
    private int sequence;

    JsonLogReader(ValueLimiter limiter) {
        super(limiter);
    }

    DecodedLogs read(byte[] body) throws MalformedOtlpException {
        List<RawLogRecord> out = new ArrayList<>();
        readRequest(body, "ExportLogsServiceRequest", "resourceLogs", "resource_logs",
                () -> resourceGroup(SCOPE_LOGS, LOG_RECORDS, this::logRecord, out));
        return new DecodedLogs(out, rejections.count(), rejections.messages());
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

    private static final class RecordDraft extends ItemDraft<RawLogRecord> {
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

        RecordDraft(int sequence) {
            this.sequence = sequence;
        }

        @Override
        String describe() {
            return "log record " + sequence;
        }

        @Override
        RawLogRecord build(Attributes resource, String scopeName, String scopeVersion) throws ItemRejectedException {
            String trace = checkOptionalId(traceId, 16, "trace id");
            String span = checkOptionalId(spanId, 8, "span id");
            String name = eventName.isEmpty() ? attributes.getString("event.name") : eventName;
            return new RawLogRecord(time, observedTime, trace, span, severityNumber, severityText, name, body,
                    attributes, resource, scopeName, scopeVersion, sequence);
        }
    }
}
