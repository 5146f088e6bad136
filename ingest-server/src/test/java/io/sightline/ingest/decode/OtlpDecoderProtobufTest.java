package io.sightline.ingest.decode;

import static io.sightline.ingest.decode.ProtoRequests.PARENT;
import static io.sightline.ingest.decode.ProtoRequests.SPAN;
import static io.sightline.ingest.decode.ProtoRequests.TRACE;
import static io.sightline.ingest.decode.ProtoRequests.array;
import static io.sightline.ingest.decode.ProtoRequests.id;
import static io.sightline.ingest.decode.ProtoRequests.kv;
import static io.sightline.ingest.decode.ProtoRequests.kvlist;
import static io.sightline.ingest.decode.ProtoRequests.nested;
import static io.sightline.ingest.decode.ProtoRequests.span;
import static io.sightline.ingest.decode.ProtoRequests.str;
import static io.sightline.ingest.decode.ProtoRequests.traces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.sightline.ingest.model.RawLogRecord;
import io.sightline.ingest.model.RawSpan;
import io.sightline.ingest.model.SpanKind;
import io.sightline.ingest.model.StatusCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpDecoderProtobufTest {
    private final OtlpDecoder decoder = new OtlpDecoder(DecodeLimits.DEFAULTS);

    @Test
    void decodeTraces_fullSpan_mapsEveryField() {
        Span s = span(SPAN)
                .setParentSpanId(id(PARENT))
                .addAttributes(kv("gen_ai.request.model", "gpt-4o"))
                .addAttributes(kv("gen_ai.usage.input_tokens", AnyValue.newBuilder().setIntValue(12).build()))
                .addAttributes(kv("gen_ai.request.temperature", AnyValue.newBuilder().setDoubleValue(0.5).build()))
                .addAttributes(kv("gen_ai.request.stream", AnyValue.newBuilder().setBoolValue(true).build()))
                .addAttributes(kv("blob", AnyValue.newBuilder().setBytesValue(ByteString.copyFromUtf8("hi")).build()))
                .addAttributes(kv("gen_ai.response.finish_reasons", array(str("stop"))))
                .addAttributes(kv("meta", kvlist(kv("a", "b"))))
                .addEvents(Span.Event.newBuilder().setName("exception").setTimeUnixNano(5)
                        .addAttributes(kv("exception.message", "boom")))
                .addLinks(Span.Link.newBuilder().setTraceId(id(TRACE)).setSpanId(id(PARENT)))
                .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("failed"))
                .setDroppedAttributesCount(3)
                .build();

        DecodedTraces d = decoder.decodeTraces(traces(s));

        assertThat(d.rejectedCount()).isZero();
        RawSpan r = d.spans().getFirst();
        assertThat(r.traceId()).isEqualTo(TRACE);
        assertThat(r.spanId()).isEqualTo(SPAN);
        assertThat(r.parentSpanId()).isEqualTo(PARENT);
        assertThat(r.name()).isEqualTo("chat gpt-4o");
        assertThat(r.kind()).isEqualTo(SpanKind.CLIENT);
        assertThat(r.startNanos()).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(r.endNanos()).isEqualTo(1_700_000_000_500_000_000L);
        assertThat(r.scopeName()).isEqualTo("test-scope");
        assertThat(r.scopeVersion()).isEqualTo("1.0");
        assertThat(r.resource().getString("service.name")).isEqualTo("svc");
        assertThat(r.attributes().get("gen_ai.request.model")).isEqualTo("gpt-4o");
        assertThat(r.attributes().get("gen_ai.usage.input_tokens")).isEqualTo(12L);
        assertThat(r.attributes().get("gen_ai.request.temperature")).isEqualTo(0.5);
        assertThat(r.attributes().get("gen_ai.request.stream")).isEqualTo(true);
        assertThat((byte[]) r.attributes().get("blob")).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        assertThat(r.attributes().get("gen_ai.response.finish_reasons")).isEqualTo(List.of("stop"));
        assertThat(r.attributes().get("meta")).isEqualTo(Map.of("a", "b"));
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("exception");
            assertThat(e.timeNanos()).isEqualTo(5);
            assertThat(e.attributes().get("exception.message")).isEqualTo("boom");
        });
        assertThat(r.links()).singleElement().satisfies(l -> assertThat(l.spanId()).isEqualTo(PARENT));
        assertThat(r.statusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(r.statusMessage()).isEqualTo("failed");
        assertThat(r.droppedAttributesCount()).isEqualTo(3);
    }

    @Test
    void decodeTraces_bytesAndObjectPaths_agree() throws Exception {
        ExportTraceServiceRequest req = traces(span(SPAN).addAttributes(kv("k", "v")).build());
        assertThat(decoder.decodeTraces(req.toByteArray(), OtlpEncoding.PROTOBUF))
                .isEqualTo(decoder.decodeTraces(req));
    }

    @Test
    void decodeTraces_emptyRequestOrBody_decodesToNothing() throws Exception {
        assertThat(decoder.decodeTraces(ExportTraceServiceRequest.getDefaultInstance()).spans()).isEmpty();
        DecodedTraces d = decoder.decodeTraces(new byte[0], OtlpEncoding.PROTOBUF);
        assertThat(d.spans()).isEmpty();
        assertThat(d.rejectedCount()).isZero();
        assertThat(d.errorMessage()).isEmpty();
    }

    @Test
    void decodeTraces_notProtobuf_throwsActionableError() {
        byte[] json = "{\"resourceSpans\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> decoder.decodeTraces(json, OtlpEncoding.PROTOBUF))
                .isInstanceOf(MalformedOtlpException.class)
                .hasMessageContaining("not an ExportTraceServiceRequest")
                .hasMessageContaining("application/json");
        byte[] garbage = {(byte) 0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> decoder.decodeTraces(garbage, OtlpEncoding.PROTOBUF))
                .isInstanceOf(MalformedOtlpException.class);
    }

    @Test
    void decodeTraces_badIds_rejectOnlyThatSpan() {
        Span good = span(SPAN).build();
        Span shortTrace = span("1111111111111111").setTraceId(ByteString.copyFrom(new byte[15])).build();
        Span emptyTrace = span("2222222222222222").setTraceId(ByteString.EMPTY).build();
        Span zeroSpan = span(SPAN).setSpanId(ByteString.copyFrom(new byte[8])).build();
        Span longParent = span("3333333333333333").setParentSpanId(ByteString.copyFrom(new byte[9])).build();

        DecodedTraces d = decoder.decodeTraces(traces(good, shortTrace, emptyTrace, zeroSpan, longParent));

        assertThat(d.spans()).extracting(RawSpan::spanId).containsExactly(SPAN);
        assertThat(d.rejectedCount()).isEqualTo(4);
        assertThat(d.rejectionMessages()).containsExactly(
                "span 1111111111111111 of trace 000000000000000000000000000000: trace id has 15 bytes, expected 16",
                "span 2222222222222222 of trace ?: trace id is empty",
                "span 0000000000000000 of trace " + TRACE + ": span id is all zeros",
                "span 3333333333333333 of trace " + TRACE + ": parent span id has 9 bytes, expected 8");
        assertThat(d.errorMessage()).startsWith("4 spans rejected: span 1111111111111111");
    }

    @Test
    void allZeroOptionalIds_meanNone() throws Exception {
        Span root = span(SPAN).setParentSpanId(ByteString.copyFrom(new byte[8])).build();
        assertThat(decoder.decodeTraces(traces(root)).spans()).singleElement()
                .satisfies(s -> assertThat(s.parentSpanId()).isEmpty());

        LogRecord outsideTrace = LogRecord.newBuilder().setTraceId(ByteString.copyFrom(new byte[16]))
                .setSpanId(ByteString.copyFrom(new byte[8])).addAttributes(kv("event.name", "gen_ai.choice")).build();
        DecodedLogs d = decoder.decodeLogs(ProtoRequests.logs(outsideTrace).toByteArray(), OtlpEncoding.PROTOBUF);
        assertThat(d.rejectedCount()).isZero();
        assertThat(d.records()).singleElement().satisfies(r -> {
            assertThat(r.traceId()).isEmpty();
            assertThat(r.spanId()).isEmpty();
        });
    }

    @Test
    void decodeTraces_tenThousandAttributes_rejectsThatSpanOnly() {
        Span.Builder big = span("4444444444444444");
        for (int i = 0; i < 10_000; i++) {
            big.addAttributes(kv("k" + i, "v"));
        }
        DecodedTraces d = decoder.decodeTraces(traces(big.build(), span(SPAN).build()));
        assertThat(d.spans()).extracting(RawSpan::spanId).containsExactly(SPAN);
        assertThat(d.rejectionMessages()).singleElement().asString()
                .contains("4444444444444444").contains("more than 1024 attributes");
    }

    @Test
    void decodeTraces_deeplyNestedValue_rejectsThatSpanOnly() {
        Span deep = span("5555555555555555").addAttributes(kv("deep", nested(40))).build();
        Span ok = span(SPAN).addAttributes(kv("fine", nested(16))).build();
        DecodedTraces d = decoder.decodeTraces(traces(deep, ok));
        assertThat(d.spans()).extracting(RawSpan::spanId).containsExactly(SPAN);
        assertThat(d.rejectionMessages()).singleElement().asString()
                .contains("'deep'").contains("deeper than 16 levels");
    }

    @Test
    void decodeTraces_overLimits_truncatesStringsAndDropsSurplusEvents() {
        OtlpDecoder small = new OtlpDecoder(new DecodeLimits(10, 4, 100, 2, 1, 5));
        Span.Builder s = span(SPAN).addAttributes(kv("long", "abcdefghij"));
        for (int i = 0; i < 4; i++) {
            s.addEvents(Span.Event.newBuilder().setName("e" + i));
            s.addLinks(Span.Link.newBuilder().setTraceId(id(TRACE)).setSpanId(id(PARENT)));
        }
        RawSpan r = small.decodeTraces(traces(s.setDroppedEventsCount(1).build())).spans().getFirst();
        assertThat(r.attributes().get("long")).isEqualTo("abcde");
        assertThat(r.events()).extracting(e -> e.name()).containsExactly("e0", "e1");
        assertThat(r.droppedEventsCount()).isEqualTo(3);
        assertThat(r.links()).hasSize(1);
        assertThat(r.droppedLinksCount()).isEqualTo(3);
    }

    @Test
    void decodeTraces_resourceOverLimits_rejectsItsSpans() {
        OtlpDecoder small = new OtlpDecoder(new DecodeLimits(1, 4, 100, 2, 1, 100));
        ExportTraceServiceRequest req = traces(span(SPAN).build()).toBuilder()
                .setResourceSpans(0, traces(span(SPAN).build()).getResourceSpans(0).toBuilder()
                        .setResource(io.opentelemetry.proto.resource.v1.Resource.newBuilder()
                                .addAttributes(kv("a", "1")).addAttributes(kv("b", "2"))))
                .build();
        DecodedTraces d = small.decodeTraces(req);
        assertThat(d.spans()).isEmpty();
        assertThat(d.rejectionMessages()).singleElement().asString().contains("resource");
    }

    @Test
    void decodeLogs_eventNameFieldOrAttribute_bodyAndSequence() throws Exception {
        LogRecord withField = LogRecord.newBuilder()
                .setTimeUnixNano(10).setObservedTimeUnixNano(11)
                .setTraceId(id(TRACE)).setSpanId(id(SPAN))
                .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO).setSeverityText("INFO")
                .setEventName("gen_ai.user.message")
                .setBody(kvlist(kv("content", "hello")))
                .build();
        LogRecord withAttribute = LogRecord.newBuilder()
                .addAttributes(kv("event.name", "gen_ai.choice"))
                .build();
        LogRecord badSpan = LogRecord.newBuilder().setTraceId(id(TRACE)).setSpanId(ByteString.copyFrom(new byte[3])).build();

        byte[] body = ProtoRequests.logs(withField, badSpan, withAttribute).toByteArray();
        DecodedLogs d = decoder.decodeLogs(body, OtlpEncoding.PROTOBUF);

        assertThat(d.rejectedCount()).isEqualTo(1);
        assertThat(d.rejectionMessages()).containsExactly("log record 1: span id has 3 bytes, expected 8");
        RawLogRecord first = d.records().get(0);
        assertThat(first.eventName()).isEqualTo("gen_ai.user.message");
        assertThat(first.body()).isEqualTo(Map.of("content", "hello"));
        assertThat(first.severityNumber()).isEqualTo(9);
        assertThat(first.severityText()).isEqualTo("INFO");
        assertThat(first.traceId()).isEqualTo(TRACE);
        assertThat(first.sequence()).isZero();
        assertThat(first.scopeName()).isEqualTo("logs-scope");
        RawLogRecord second = d.records().get(1);
        assertThat(second.eventName()).isEqualTo("gen_ai.choice");
        assertThat(second.traceId()).isEmpty();
        assertThat(second.body()).isNull();
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.effectiveTimeNanos()).isZero();
    }

    @Test
    void decodeLogs_notProtobuf_throws() {
        assertThatThrownBy(() -> decoder.decodeLogs(new byte[] {(byte) 0x0a, (byte) 0x05, 1}, OtlpEncoding.PROTOBUF))
                .isInstanceOf(MalformedOtlpException.class)
                .hasMessageContaining("ExportLogsServiceRequest");
    }
}
