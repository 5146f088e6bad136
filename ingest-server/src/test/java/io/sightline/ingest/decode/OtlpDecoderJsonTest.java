package io.sightline.ingest.decode;

import static io.sightline.ingest.decode.ProtoRequests.PARENT;
import static io.sightline.ingest.decode.ProtoRequests.SPAN;
import static io.sightline.ingest.decode.ProtoRequests.TRACE;
import static io.sightline.ingest.decode.ProtoRequests.id;
import static io.sightline.ingest.decode.ProtoRequests.kv;
import static io.sightline.ingest.decode.ProtoRequests.kvlist;
import static io.sightline.ingest.decode.ProtoRequests.span;
import static io.sightline.ingest.decode.ProtoRequests.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.sightline.ingest.model.RawLogRecord;
import io.sightline.ingest.model.RawSpan;
import io.sightline.ingest.model.SpanKind;
import io.sightline.ingest.model.StatusCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OtlpDecoderJsonTest {
    private final OtlpDecoder decoder = new OtlpDecoder(DecodeLimits.DEFAULTS);

    private static final String FULL_SPAN = """
            {"resourceSpans":[{"scopeSpans":[{"scope":{"name":"test-scope","version":"1.0"},"spans":[{
              "traceId":"%s","spanId":"%s","parentSpanId":"%s","name":"chat gpt-4o","kind":3,
              "startTimeUnixNano":"1700000000000000000","endTimeUnixNano":1700000000500000000,
              "attributes":[
                {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},
                {"key":"gen_ai.usage.input_tokens","value":{"intValue":"12"}},
                {"key":"gen_ai.request.temperature","value":{"doubleValue":0.5}},
                {"key":"gen_ai.request.stream","value":{"boolValue":true}},
                {"key":"blob","value":{"bytesValue":"aGk="}},
                {"key":"gen_ai.response.finish_reasons","value":{"arrayValue":{"values":[{"stringValue":"stop"}]}}},
                {"key":"meta","value":{"kvlistValue":{"values":[{"key":"a","value":{"stringValue":"b"}}]}}}],
              "droppedAttributesCount":3,
              "events":[{"timeUnixNano":"5","name":"exception","attributes":[{"key":"exception.message","value":{"stringValue":"boom"}}]}],
              "links":[{"traceId":"%s","spanId":"%s"}],
              "status":{"code":2,"message":"failed"},
              "flags":257,"traceState":"","someFutureField":{"nested":[1,2,3]}}]}],
             "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]}}]}
            """.formatted(TRACE, SPAN, PARENT, TRACE, PARENT);

    @Test
    void decodeTraces_json_matchesTheProtobufDecodingOfTheSameSpan() throws Exception {
        Span proto = span(SPAN)
                .setParentSpanId(id(PARENT))
                .addAttributes(kv("gen_ai.request.model", "gpt-4o"))
                .addAttributes(kv("gen_ai.usage.input_tokens", AnyValue.newBuilder().setIntValue(12).build()))
                .addAttributes(kv("gen_ai.request.temperature", AnyValue.newBuilder().setDoubleValue(0.5).build()))
                .addAttributes(kv("gen_ai.request.stream", AnyValue.newBuilder().setBoolValue(true).build()))
                .addAttributes(kv("blob", AnyValue.newBuilder().setBytesValue(ByteString.copyFromUtf8("hi")).build()))
                .addAttributes(kv("gen_ai.response.finish_reasons", ProtoRequests.array(str("stop"))))
                .addAttributes(kv("meta", kvlist(kv("a", "b"))))
                .setDroppedAttributesCount(3)
                .addEvents(Span.Event.newBuilder().setName("exception").setTimeUnixNano(5)
                        .addAttributes(kv("exception.message", "boom")))
                .addLinks(Span.Link.newBuilder().setTraceId(id(TRACE)).setSpanId(id(PARENT)))
                .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("failed"))
                .build();

        DecodedTraces fromJson = decoder.decodeTraces(bytes(FULL_SPAN), OtlpEncoding.JSON);
        DecodedTraces fromProto = decoder.decodeTraces(ProtoRequests.traces(proto));

        assertThat(fromJson.rejectedCount()).isZero();
        assertThat(fromJson).isEqualTo(fromProto);
        RawSpan r = fromJson.spans().getFirst();
        assertThat(r.kind()).isEqualTo(SpanKind.CLIENT);
        assertThat(r.statusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(r.attributes().get("gen_ai.usage.input_tokens")).isEqualTo(12L);
    }

    @Test
    void decodeTraces_snakeCaseNamesEnumNamesAndUpperCaseIds_areAccepted() throws Exception {
        String json = """
                {"resource_spans":[{"resource":{"attributes":[]},"scope_spans":[{"spans":[{
                  "trace_id":"%s","span_id":"%s","name":"x","kind":"SPAN_KIND_SERVER",
                  "start_time_unix_nano":1,"end_time_unix_nano":"2",
                  "attributes":[{"key":"n","value":{"int_value":7}},{"key":"d","value":{"double_value":"NaN"}}],
                  "status":{"code":"STATUS_CODE_OK"}}]}]}]}
                """.formatted(TRACE.toUpperCase(), SPAN.toUpperCase());
        RawSpan r = decoder.decodeTraces(bytes(json), OtlpEncoding.JSON).spans().getFirst();
        assertThat(r.traceId()).isEqualTo(TRACE);
        assertThat(r.spanId()).isEqualTo(SPAN);
        assertThat(r.kind()).isEqualTo(SpanKind.SERVER);
        assertThat(r.statusCode()).isEqualTo(StatusCode.OK);
        assertThat(r.endNanos()).isEqualTo(2);
        assertThat(r.attributes().get("n")).isEqualTo(7L);
        assertThat((Double) r.attributes().get("d")).isNaN();
    }

    @Test
    void decodeTraces_base64Ids_fromGenericProtobufJsonPrinters_areAccepted() throws Exception {
        String trace64 = Base64.getEncoder().encodeToString(id(TRACE).toByteArray());
        String span64 = Base64.getEncoder().encodeToString(id(SPAN).toByteArray());
        String json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + trace64
                + "\",\"spanId\":\"" + span64 + "\",\"name\":\"x\"}]}]}]}";
        RawSpan r = decoder.decodeTraces(bytes(json), OtlpEncoding.JSON).spans().getFirst();
        assertThat(r.traceId()).isEqualTo(TRACE);
        assertThat(r.spanId()).isEqualTo(SPAN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyBodies")
    void decodeTraces_emptyRequests_decodeToNothing(String body) throws Exception {
        DecodedTraces d = decoder.decodeTraces(bytes(body), OtlpEncoding.JSON);
        assertThat(d.spans()).isEmpty();
        assertThat(d.rejectedCount()).isZero();
    }

    static List<String> emptyBodies() {
        return List.of("", "  ", "{}", "{\"resourceSpans\":[]}", "{\"resourceSpans\":null}",
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[]}]}]}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void decodeTraces_malformedJson_throwsWithAUsefulMessage(String body, String expectedMessage) {
        assertThatThrownBy(() -> decoder.decodeTraces(bytes(body), OtlpEncoding.JSON))
                .isInstanceOf(MalformedOtlpException.class)
                .hasMessageStartingWith("invalid OTLP/JSON request: ")
                .hasMessageContaining(expectedMessage);
    }

    static List<Arguments> malformedBodies() {
        return List.of(
                Arguments.of(Named.of("truncated", "{\"resourceSpans\":[{\"scopeSpans\":["), "not valid JSON"),
                Arguments.of(Named.of("not json", "\u0000\u0001binary"), "not valid JSON"),
                Arguments.of(Named.of("array body", "[1,2]"), "must be a JSON object"),
                Arguments.of(Named.of("resourceSpans object", "{\"resourceSpans\":{}}"), "'resourceSpans' must be an array"),
                Arguments.of(Named.of("span is a string", "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[\"x\"]}]}]}"),
                        "elements of 'spans' must be objects"),
                Arguments.of(Named.of("name is a number", withSpanField("\"name\":5")), "'name' must be a string"),
                Arguments.of(Named.of("time not a number", withSpanField("\"startTimeUnixNano\":\"soon\"")),
                        "'startTimeUnixNano' must be a 64-bit integer"),
                Arguments.of(Named.of("attribute value not AnyValue",
                        withSpanField("\"attributes\":[{\"key\":\"k\",\"value\":\"v\"}]")), "must be an AnyValue object"),
                Arguments.of(Named.of("attribute without key",
                        withSpanField("\"attributes\":[{\"value\":{\"stringValue\":\"v\"}}]")), "attribute without 'key'"),
                Arguments.of(Named.of("bad base64", withSpanField("\"attributes\":[{\"key\":\"b\",\"value\":{\"bytesValue\":\"***\"}}]")),
                        "'bytesValue' must be base64"),
                Arguments.of(Named.of("trailing garbage", "{} {}"), "unexpected content after the request object"));
    }

    @Test
    void decodeTraces_badIdsInJson_rejectOnlyThoseSpans() throws Exception {
        String json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":["
                + spanObject(TRACE, SPAN) + ","
                + spanObject("abc", "1111111111111111") + ","
                + spanObject(TRACE, "zzzzzzzzzzzzzzzz") + ","
                + spanObject("", "2222222222222222") + ","
                + spanObject("00000000000000000000000000000000", "3333333333333333")
                + "]}]}]}";
        DecodedTraces d = decoder.decodeTraces(bytes(json), OtlpEncoding.JSON);
        assertThat(d.spans()).extracting(RawSpan::spanId).containsExactly(SPAN);
        assertThat(d.rejectedCount()).isEqualTo(4);
        assertThat(d.rejectionMessages()).containsExactly(
                "span 1111111111111111 of trace abc: trace id 'abc' is not 32 hex digits",
                "span zzzzzzzzzzzzzzzz of trace " + TRACE + ": span id 'zzzzzzzzzzzzzzzz' is not 16 hex digits",
                "span 2222222222222222 of trace ?: trace id is empty",
                "span 3333333333333333 of trace 00000000000000000000000000000000: trace id is all zeros");
    }

    @Test
    void decodeTraces_tenThousandAttributesInJson_rejectsThatSpanAndKeepsParsing() throws Exception {
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            attrs.append(i == 0 ? "" : ",").append("{\"key\":\"k").append(i).append("\",\"value\":{\"stringValue\":\"v\"}}");
        }
        String big = "{\"name\":\"big\",\"attributes\":[" + attrs + "],\"traceId\":\"" + TRACE
                + "\",\"spanId\":\"4444444444444444\"}";
        String json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + big + "," + spanObject(TRACE, SPAN) + "]}]}]}";
        DecodedTraces d = decoder.decodeTraces(bytes(json), OtlpEncoding.JSON);
        assertThat(d.spans()).extracting(RawSpan::spanId).containsExactly(SPAN);
        assertThat(d.rejectionMessages()).containsExactly(
                "span 4444444444444444 of trace " + TRACE + ": span has more than 1024 attributes");
    }

    @Test
    void decodeTraces_deeplyNestedJsonValue_rejectsThatSpanAndKeepsParsing() throws Exception {
        String value = "{\"stringValue\":\"bottom\"}";
        for (int i = 0; i < 40; i++) {
            value = "{\"arrayValue\":{\"values\":[" + value + "]}}";
        }
        String deep = "{\"traceId\":\"" + TRACE + "\",\"spanId\":\"5555555555555555\",\"attributes\":[{\"key\":\"deep\",\"value\":"
                + value + "},{\"key\":\"after\",\"value\":{\"stringValue\":\"x\"}}],\"name\":\"deep\"}";
        String json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + deep + "," + spanObject(TRACE, SPAN) + "]}]}]}";
        DecodedTraces d = decoder.decodeTraces(bytes(json), OtlpEncoding.JSON);
        assertThat(d.spans()).extracting(RawSpan::spanId).containsExactly(SPAN);
        assertThat(d.rejectionMessages()).containsExactly(
                "span 5555555555555555 of trace " + TRACE + ": value of 'deep' is nested deeper than 16 levels");
    }

    @Test
    void decodeTraces_resourceAfterScopeSpans_stillAppliesToTheSpans() throws Exception {
        String json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + spanObject(TRACE, SPAN) + "]}],"
                + "\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"late\"}}]}}]}";
        RawSpan r = decoder.decodeTraces(bytes(json), OtlpEncoding.JSON).spans().getFirst();
        assertThat(r.resource().getString("service.name")).isEqualTo("late");
    }

    @Test
    void decodeTraces_surplusEvents_areDroppedAndCounted() throws Exception {
        OtlpDecoder small = new OtlpDecoder(new DecodeLimits(10, 4, 100, 1, 1, 100));
        String json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + TRACE + "\",\"spanId\":\"" + SPAN
                + "\",\"events\":[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"c\"}],\"droppedEventsCount\":2}]}]}]}";
        RawSpan r = small.decodeTraces(bytes(json), OtlpEncoding.JSON).spans().getFirst();
        assertThat(r.events()).extracting(e -> e.name()).containsExactly("a");
        assertThat(r.droppedEventsCount()).isEqualTo(4);
    }

    @Test
    void decodeLogs_json_readsBodyEventNameAndSequence() throws Exception {
        String json = """
                {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},
                 "scopeLogs":[{"scope":{"name":"s"},"logRecords":[
                  {"timeUnixNano":"10","observedTimeUnixNano":"11","severityNumber":"SEVERITY_NUMBER_WARN",
                   "traceId":"%s","spanId":"%s","eventName":"gen_ai.user.message",
                   "body":{"kvlistValue":{"values":[{"key":"content","value":{"stringValue":"hi"}},{"key":"empty","value":{}}]}}},
                  {"traceId":"short","spanId":"%s"},
                  {"attributes":[{"key":"event.name","value":{"stringValue":"gen_ai.choice"}}],"body":{"stringValue":"plain"}}
                 ]}]}]}
                """.formatted(TRACE, SPAN, SPAN);
        DecodedLogs d = decoder.decodeLogs(bytes(json), OtlpEncoding.JSON);
        assertThat(d.rejectionMessages()).containsExactly("log record 1: trace id 'short' is not 32 hex digits");
        RawLogRecord first = d.records().get(0);
        assertThat(first.eventName()).isEqualTo("gen_ai.user.message");
        assertThat(first.severityNumber()).isEqualTo(13);
        Map<?, ?> body = (Map<?, ?>) first.body();
        assertThat(body.get("content")).isEqualTo("hi");
        assertThat(body.containsKey("empty")).isTrue();
        assertThat(body.get("empty")).isNull();
        assertThat(first.resource().getString("service.name")).isEqualTo("svc");
        assertThat(first.sequence()).isZero();
        RawLogRecord second = d.records().get(1);
        assertThat(second.eventName()).isEqualTo("gen_ai.choice");
        assertThat(second.body()).isEqualTo("plain");
        assertThat(second.sequence()).isEqualTo(2);
    }

    @Test
    void decodeLogs_malformed_throws() {
        assertThatThrownBy(() -> decoder.decodeLogs(bytes("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":{}}]}]}"),
                OtlpEncoding.JSON))
                .isInstanceOf(MalformedOtlpException.class)
                .hasMessageContaining("'logRecords' must be an array");
    }

    @Test
    void allZeroParentId_hexOrBase64_isARoot() throws Exception {
        for (String zero : List.of("0000000000000000", "AAAAAAAAAAA=")) {
            DecodedTraces d = decoder.decodeTraces(bytes(withSpanField("\"parentSpanId\":\"" + zero + "\"")),
                    OtlpEncoding.JSON);
            assertThat(d.rejectedCount()).isZero();
            assertThat(d.spans()).singleElement().satisfies(s -> assertThat(s.parentSpanId()).isEmpty());
        }
    }

    private static String withSpanField(String field) {
        return "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + TRACE + "\",\"spanId\":\"" + SPAN
                + "\"," + field + "}]}]}]}";
    }

    private static String spanObject(String traceId, String spanId) {
        return "{\"traceId\":\"" + traceId + "\",\"spanId\":\"" + spanId + "\",\"name\":\"s\"}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
