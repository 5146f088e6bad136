package io.sightline.ingest.decode;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;

/** Builders for protobuf OTLP requests in tests. */
final class ProtoRequests {
    static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    static final String SPAN = "b7ad6b7169203331";
    static final String PARENT = "00f067aa0ba902b7";

    private ProtoRequests() {}

    static ByteString id(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }

    static KeyValue kv(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    static KeyValue kv(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    static AnyValue str(String s) {
        return AnyValue.newBuilder().setStringValue(s).build();
    }

    static AnyValue array(AnyValue... values) {
        ArrayValue.Builder a = ArrayValue.newBuilder();
        for (AnyValue v : values) {
            a.addValues(v);
        }
        return AnyValue.newBuilder().setArrayValue(a).build();
    }

    static AnyValue kvlist(KeyValue... values) {
        KeyValueList.Builder l = KeyValueList.newBuilder();
        for (KeyValue v : values) {
            l.addValues(v);
        }
        return AnyValue.newBuilder().setKvlistValue(l).build();
    }

    /** An array nested {@code depth} levels deep around one string. */
    static AnyValue nested(int depth) {
        AnyValue v = str("bottom");
        for (int i = 0; i < depth; i++) {
            v = array(v);
        }
        return v;
    }

    static Span.Builder span(String spanId) {
        return Span.newBuilder()
                .setTraceId(id(TRACE))
                .setSpanId(id(spanId))
                .setName("chat gpt-4o")
                .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                .setStartTimeUnixNano(1_700_000_000_000_000_000L)
                .setEndTimeUnixNano(1_700_000_000_500_000_000L);
    }

    static ExportTraceServiceRequest traces(Span... spans) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder()
                .setScope(InstrumentationScope.newBuilder().setName("test-scope").setVersion("1.0"));
        for (Span s : spans) {
            scope.addSpans(s);
        }
        return ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder()
                        .setResource(Resource.newBuilder().addAttributes(kv("service.name", "svc")))
                        .addScopeSpans(scope))
                .build();
    }

    static ExportLogsServiceRequest logs(LogRecord... records) {
        ScopeLogs.Builder scope = ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName("logs-scope"));
        for (LogRecord r : records) {
            scope.addLogRecords(r);
        }
        return ExportLogsServiceRequest.newBuilder()
                .addResourceLogs(ResourceLogs.newBuilder()
                        .setResource(Resource.newBuilder().addAttributes(kv("service.name", "svc")))
                        .addScopeLogs(scope))
                .build();
    }
}
