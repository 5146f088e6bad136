package io.sightline.ingest.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void json_write_escapesAndKeepsOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", "a\"b\\c\n\u0001");
        m.put("a", List.of(1L, 2.5, true, Double.NaN));
        m.put("n", null);
        m.put("bytes", new byte[] {1, 2});
        assertThat(Json.write(m)).isEqualTo("{\"z\":\"a\\\"b\\\\c\\n\\u0001\",\"a\":[1,2.5,true,\"NaN\"],\"n\":null,\"bytes\":\"AQI=\"}");
    }

    @Test
    void json_parse_roundTripsAndRejectsInvalid() {
        String s = "{\"a\":[1,2.5,\"x\",null,{\"b\":false}]}";
        assertThat(Json.write(Json.parse(s))).isEqualTo(s);
        assertThat(Json.parse("{\"a\":1")).isNull();
        assertThat(Json.parse("{} {}")).isNull();
        assertThat(Json.parse("12")).isEqualTo(12L);
        assertThat(Json.parseStructured("plain text")).isNull();
        assertThat(Json.parseStructured("  [1]")).isEqualTo(List.of(1L));
        assertThat(Json.parseStructured("\"{\\\"k\\\":1}\"")).isEqualTo(Map.of("k", 1L));
        assertThat(Json.parseStructured("\"just a string\"")).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {"12, 12", "' 7 ', 7", "3.0, 3", "3.5, -", "abc, -", "'', -", "-4, -4"})
    void attributeValues_asLong_fromStrings(String in, Long expected) {
        assertThat(AttributeValues.asLong(in)).isEqualTo(expected);
    }

    @Test
    void attributeValues_coercions() {
        assertThat(AttributeValues.asLong(12.0)).isEqualTo(12L);
        assertThat(AttributeValues.asLong(12.5)).isNull();
        assertThat(AttributeValues.asDouble("0.25")).isEqualTo(0.25);
        assertThat(AttributeValues.asDouble("NaN")).isNull();
        assertThat(AttributeValues.asBoolean("TRUE")).isTrue();
        assertThat(AttributeValues.asBoolean("yes")).isNull();
        assertThat(AttributeValues.asString(List.of("a", 1L))).isEqualTo("[\"a\",1]");
        assertThat(AttributeValues.asString(0.2)).isEqualTo("0.2");
    }

    @Test
    void attributes_lastDuplicateWins_andIntegersAreWidened() {
        Attributes a = Attributes.of("k", "first", "n", 5, "k", "second", "empty", null);
        assertThat(a.size()).isEqualTo(3);
        assertThat(a.get("k")).isEqualTo("second");
        assertThat(a.get("n")).isEqualTo(5L);
        assertThat(a.get("missing")).isNull();
        assertThatThrownBy(() -> Attributes.of("k", new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rawSpan_validatesIds_andDropsASelfParent() {
        RawSpan s = span(TRACE, SPAN, SPAN);
        assertThat(s.parentSpanId()).isEmpty();
        assertThat(s.isRoot()).isTrue();
        assertThatThrownBy(() -> span("ABC", SPAN, "")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("traceId");
        assertThatThrownBy(() -> span(TRACE, "0000000000000000", "")).hasMessageContaining("spanId");
        assertThatThrownBy(() -> span(TRACE, SPAN, "xyz")).hasMessageContaining("parentSpanId");
    }

    @Test
    void normalizedSpan_builderDefaults_andValidation() {
        NormalizedSpan s = NormalizedSpan.builder().traceId(TRACE).spanId(SPAN).startNanos(10).endNanos(5).build();
        assertThat(s.obsType()).isEqualTo(ObsType.OTHER);
        assertThat(s.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(s.durationNanos()).isZero();
        assertThat(s.reportedCostUsd()).isNull();
        assertThat(s.toBuilder().sessionId("x").build().sessionId()).isEqualTo("x");
        assertThatThrownBy(() -> NormalizedSpan.builder().traceId(TRACE).spanId(SPAN).ttftMs(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenUsage(-1, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ObsType.LLM.columnValue()).isEqualTo("llm");
        assertThat(SemconvSource.OTEL_GENAI_LEGACY.columnValue()).isEqualTo("otel_genai_legacy");
        assertThat(SpanKind.forNumber(3).columnValue()).isEqualTo("client");
        assertThat(StatusCode.forNumber(9)).isEqualTo(StatusCode.UNSET);
    }

    private static RawSpan span(String trace, String span, String parent) {
        return new RawSpan(Attributes.EMPTY, "", "", trace, span, parent, "n", SpanKind.INTERNAL, 0, 0,
                Attributes.EMPTY, List.of(), List.of(), StatusCode.UNSET, "", 0, 0, 0);
    }
}
