package io.sightline.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.ingest.decode.DecodeLimits;
import io.sightline.ingest.decode.DecodedLogs;
import io.sightline.ingest.decode.DecodedTraces;
import io.sightline.ingest.decode.OtlpDecoder;
import io.sightline.ingest.decode.OtlpEncoding;
import io.sightline.ingest.model.Json;
import io.sightline.ingest.model.NormalizedBatch;
import io.sightline.ingest.model.NormalizedLogEvent;
import io.sightline.ingest.model.NormalizedResult;
import io.sightline.ingest.model.NormalizedSpan;
import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.RawLogRecord;
import io.sightline.ingest.model.RawSpan;
import io.sightline.ingest.model.SemconvSource;
import io.sightline.ingest.model.SpanContent;
import io.sightline.ingest.model.SpanKind;
import io.sightline.ingest.model.StatusCode;
import io.sightline.ingest.testing.SharedFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code otel-js-openai.jsonl}: Node.js openai 6.9.1 + @opentelemetry/instrumentation-openai 0.22.0
 * (GenAI semconv 1.36, content as log records), hand-made agent and tool spans. Expectations are
 * the fixture README's.
 */
class OtelJsOpenAiFixtureTest {
    private static final String SESSION = "sess-otel-js-1";
    private static final String USER = "user-42";
    private static final String TRACE_1 = "a4ed39bed38548692a489cbaafdfaeac";
    private static final String TRACE_2 = "3002e0db9d1a381e0a32d34e61e5e3ed";
    private static final String TRACE_3 = "e82df7e67dda2d26d309ba8d52be25f8";

    private static List<NormalizedResult> spans;
    private static List<NormalizedLogEvent> logEvents;
    private static int rejected;

    @BeforeAll
    static void decodeAndNormalize() throws Exception {
        OtlpDecoder decoder = new OtlpDecoder(DecodeLimits.DEFAULTS);
        Normalizer normalizer = new Normalizer();
        spans = new ArrayList<>();
        logEvents = new ArrayList<>();
        for (SharedFixtures.Request r : SharedFixtures.requests("otel-js-openai.jsonl")) {
            List<RawSpan> rawSpans = List.of();
            List<RawLogRecord> rawLogs = List.of();
            if (r.signal().equals("traces")) {
                DecodedTraces t = decoder.decodeTraces(r.body(), OtlpEncoding.JSON);
                rejected += t.rejectedCount();
                rawSpans = t.spans();
            } else {
                DecodedLogs l = decoder.decodeLogs(r.body(), OtlpEncoding.JSON);
                rejected += l.rejectedCount();
                rawLogs = l.records();
            }
            NormalizedBatch batch = normalizer.normalize(rawSpans, rawLogs);
            assertThat(batch.skippedLogRecords()).isZero();
            spans.addAll(batch.spans());
            logEvents.addAll(batch.logEvents());
        }
    }

    @Test
    void fixture_decodes_withoutRejections() {
        assertThat(rejected).isZero();
        assertThat(spans).hasSize(10);
        assertThat(spans.stream().map(s -> s.span().traceId()).distinct()).containsExactlyInAnyOrder(TRACE_1, TRACE_2, TRACE_3);
        assertThat(logEvents).hasSize(35);
    }

    @Test
    void chatSpans_areLlmCallsOnGpt4oMini_withTheFixtureTokenTotals() {
        List<NormalizedSpan> chats = spansOf(ObsType.LLM);
        assertThat(chats).hasSize(5);
        for (NormalizedSpan s : chats) {
            assertThat(s.operationName()).isEqualTo("chat");
            assertThat(s.provider()).isEqualTo("openai");
            assertThat(s.requestModel()).isEqualTo("gpt-4o-mini");
            assertThat(s.responseModel()).isEqualTo("gpt-4o-mini-2024-07-18");
            assertThat(s.spanKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(s.semconvSource()).isEqualTo(SemconvSource.OTEL_GENAI_LEGACY);
            assertThat(s.usage().total()).isEqualTo(s.usage().input() + s.usage().output());
            assertThat(s.usageIsRollup()).isFalse();
            assertThat(s.serviceName()).isEqualTo("support-bot-otel-js");
            assertThat(s.serviceVersion()).isEqualTo("1.4.2");
            assertThat(s.environment()).isEqualTo("acceptance");
        }
        assertThat(chats.stream().mapToLong(s -> s.usage().input()).sum()).isEqualTo(600);
        assertThat(chats.stream().mapToLong(s -> s.usage().output()).sum()).isEqualTo(114);
        assertThat(chats.stream().map(NormalizedSpan::responseId))
                .containsExactlyInAnyOrder("chatcmpl-mock-1", "chatcmpl-mock-2", "chatcmpl-mock-3",
                        "chatcmpl-mock-4", "chatcmpl-mock-5");
        assertThat(chats.stream().map(s -> s.finishReasons().get(0)).collect(Collectors.toList()))
                .containsExactlyInAnyOrder("tool_call", "stop", "tool_call", "stop", "stop");
    }

    @Test
    void everySpan_carriesSessionAndUser_afterPropagation() {
        for (NormalizedResult r : spans) {
            assertThat(r.span().sessionId()).as(r.span().spanName()).isEqualTo(SESSION);
            assertThat(r.span().userId()).as(r.span().spanName()).isEqualTo(USER);
        }
    }

    @Test
    void agentRoots_areRollupAgentSpans() {
        List<NormalizedSpan> agents = spansOf(ObsType.AGENT);
        assertThat(agents).hasSize(3).allSatisfy(a -> {
            assertThat(a.isRoot()).isTrue();
            assertThat(a.agentName()).isEqualTo("support-bot");
            assertThat(a.operationName()).isEqualTo("invoke_agent");
            assertThat(a.usageIsRollup()).isTrue();
            assertThat(a.semconvSource()).isEqualTo(SemconvSource.OTEL_GENAI);
        });
    }

    @Test
    void failingWeatherTool_isAnErrorWithItsMessage() {
        NormalizedSpan weather = spansOf(ObsType.TOOL).stream()
                .filter(s -> s.toolName().equals("get_weather")).findFirst().orElseThrow();
        assertThat(weather.traceId()).isEqualTo(TRACE_2);
        assertThat(weather.spanName()).isEqualTo("execute_tool get_weather");
        assertThat(weather.toolCallId()).isEqualTo("call_3");
        assertThat(weather.statusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(weather.errorType()).isEqualTo("Error");
        assertThat(weather.errorMessage()).isEqualTo("weather service has no station for Atlantis");
        assertThat(weather.events()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("exception");
            assertThat(e.attributes()).containsEntry("exception.type", "Error");
        });

        NormalizedSpan order = spansOf(ObsType.TOOL).stream()
                .filter(s -> s.toolName().equals("get_order_status")).findFirst().orElseThrow();
        assertThat(order.statusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(order.errorType()).isEmpty();
        assertThat(order.errorMessage()).isEmpty();
    }

    @Test
    void streamingCall_isTheOnlyLlmSpanOfTurnThree_withItsAnswerFromALaterLogRequest() {
        List<NormalizedSpan> turn3 = spansOf(ObsType.LLM).stream().filter(s -> s.traceId().equals(TRACE_3)).toList();
        assertThat(turn3).singleElement().satisfies(s -> {
            assertThat(s.spanId()).isEqualTo("9c313a3b1785f7b2");
            assertThat(s.usage().input()).isEqualTo(204);
            assertThat(s.usage().output()).isEqualTo(14);
            assertThat(s.finishReasons()).containsExactly("stop");
            // instrumentation-openai 0.22 records neither gen_ai.request.stream nor a time to first
            // chunk, so nothing on the wire says this call streamed.
            assertThat(s.streaming()).isFalse();
            assertThat(s.ttftMs()).isZero();
        });
        SpanContent content = LogEventContent.fold(eventsOf("9c313a3b1785f7b2"));
        assertThat(roles(content.inputMessages())).containsExactly(
                "system", "user", "assistant", "tool", "assistant", "user", "assistant", "tool", "assistant", "user");
        assertThat(content.inputPreview()).isEqualTo("Summarize our conversation in one line.");
        assertThat(content.outputPreview()).isEqualTo("Mock answer to: Summarize our conversation in one line.");
    }

    @Test
    void logRecords_assembleIntoTheFirstChatSpansMessages() {
        SpanContent content = LogEventContent.fold(eventsOf("ee2928d7b842b3f3"));
        assertThat(content.inputMessages()).isEqualTo("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\","
                + "\"content\":\"You are a helpful support agent for an online shop.\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Where is my order 48213?\"}]}]");
        assertThat(content.outputMessages()).isEqualTo("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\","
                + "\"id\":\"call_1\",\"name\":\"get_order_status\",\"arguments\":{\"order_id\":\"48213\"}}],"
                + "\"finish_reason\":\"tool_call\"}]");
        assertThat(content.outputPreview()).isEqualTo("get_order_status({\"order_id\":\"48213\"})");
    }

    @Test
    void logRecords_keepHistoryOrderForMessagesSharingOneTimestamp() {
        List<NormalizedLogEvent> events = eventsOf("5055dff18f90b2b8");
        assertThat(events.stream().filter(e -> !e.eventName().equals("gen_ai.choice")).map(NormalizedLogEvent::timeNanos)
                .distinct()).hasSize(1);
        SpanContent content = LogEventContent.fold(events);
        assertThat(roles(content.inputMessages()))
                .containsExactly("system", "user", "assistant", "tool", "assistant", "user", "assistant", "tool");
        List<?> input = (List<?>) Json.parse(content.inputMessages());
        assertThat(Json.write(input.get(7))).isEqualTo("{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\","
                + "\"id\":\"call_3\",\"response\":\"error: weather service has no station for Atlantis\"}]}");
        assertThat(Json.write(input.get(3))).contains("\"response\":{\"order_id\":\"48213\",\"status\":\"shipped\"");
        assertThat(content.outputMessages()).isEqualTo("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\","
                + "\"content\":\"Based on the tool result: error: weather service has no station for Atlantis\"}],"
                + "\"finish_reason\":\"stop\"}]");
        assertThat(content.inputPreview()).isEqualTo("Will the weather in Atlantis delay delivery?");
    }

    @Test
    void logEvents_carryServiceSequenceAndDistinctIds() {
        assertThat(logEvents).allSatisfy(e -> {
            assertThat(e.serviceName()).isEqualTo("support-bot-otel-js");
            assertThat(e.attributes()).containsEntry("gen_ai.system", "openai")
                    .containsEntry(NormalizedLogEvent.SEQUENCE_ATTRIBUTE, Integer.toString(e.sequence()));
            assertThat(e.message()).startsWith("{\"role\":");
        });
        assertThat(logEvents.stream().map(NormalizedLogEvent::eventId).distinct()).hasSize(logEvents.size());
        Map<String, Long> byName = logEvents.stream()
                .collect(Collectors.groupingBy(NormalizedLogEvent::eventName, Collectors.counting()));
        assertThat(byName).containsEntry("gen_ai.choice", 5L).containsEntry("gen_ai.system.message", 5L);
    }

    @Test
    void chatSpans_haveNoContentOfTheirOwn_theirContentIsInTheLogs() {
        for (NormalizedResult r : spans) {
            assertThat(r.content().isEmpty()).as(r.span().spanName()).isTrue();
        }
    }

    private static List<NormalizedSpan> spansOf(ObsType type) {
        return spans.stream().map(NormalizedResult::span).filter(s -> s.obsType() == type).toList();
    }

    private static List<NormalizedLogEvent> eventsOf(String spanId) {
        return logEvents.stream().filter(e -> e.spanId().equals(spanId)).toList();
    }

    private static List<Object> roles(String messagesJson) {
        return ((List<?>) Json.parse(messagesJson)).stream().map(m -> ((Map<?, ?>) m).get("role")).map(Object.class::cast).toList();
    }
}
