package io.sightline.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.ingest.model.NormalizedResult;
import io.sightline.ingest.model.NormalizedSpan;
import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.SemconvSource;
import io.sightline.ingest.model.SpanContent;
import io.sightline.ingest.model.StatusCode;
import io.sightline.ingest.model.TokenUsage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Field-by-field expectations for one normalised span; only the fields a case sets are checked,
 * each with its name in the failure message.
 */
final class Expect {
    private final List<Consumer<NormalizedResult>> checks = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    static Expect that() {
        return new Expect();
    }

    private Expect check(String name, Consumer<NormalizedResult> c) {
        names.add(name);
        checks.add(c);
        return this;
    }

    private Expect span(String field, java.util.function.Function<NormalizedSpan, Object> get, Object expected) {
        return check(field, r -> assertThat(get.apply(r.span())).as(field).isEqualTo(expected));
    }

    private Expect content(String field, java.util.function.Function<SpanContent, String> get, String expected) {
        return check(field, r -> assertThat(get.apply(r.content())).as(field).isEqualTo(expected));
    }

    Expect type(ObsType t) { return span("obsType", NormalizedSpan::obsType, t); }
    Expect operation(String s) { return span("operationName", NormalizedSpan::operationName, s); }
    Expect provider(String s) { return span("provider", NormalizedSpan::provider, s); }
    Expect requestModel(String s) { return span("requestModel", NormalizedSpan::requestModel, s); }
    Expect responseModel(String s) { return span("responseModel", NormalizedSpan::responseModel, s); }
    Expect responseId(String s) { return span("responseId", NormalizedSpan::responseId, s); }
    Expect agent(String name) { return span("agentName", NormalizedSpan::agentName, name); }
    Expect agentId(String id) { return span("agentId", NormalizedSpan::agentId, id); }
    Expect tool(String name, String callId) {
        span("toolName", NormalizedSpan::toolName, name);
        return span("toolCallId", NormalizedSpan::toolCallId, callId);
    }
    Expect session(String s) { return span("sessionId", NormalizedSpan::sessionId, s); }
    Expect user(String s) { return span("userId", NormalizedSpan::userId, s); }
    Expect prompt(String name, String version) {
        span("promptName", NormalizedSpan::promptName, name);
        return span("promptVersion", NormalizedSpan::promptVersion, version);
    }
    Expect finishReasons(String... r) { return span("finishReasons", NormalizedSpan::finishReasons, List.of(r)); }
    Expect error(String type, String message) {
        span("errorType", NormalizedSpan::errorType, type);
        return span("errorMessage", NormalizedSpan::errorMessage, message);
    }
    Expect status(StatusCode s) { return span("statusCode", NormalizedSpan::statusCode, s); }
    Expect streaming(boolean b) { return span("streaming", NormalizedSpan::streaming, b); }
    Expect ttftMs(long ms) { return span("ttftMs", NormalizedSpan::ttftMs, ms); }
    Expect tokens(long in, long out, long total, long cacheRead, long cacheWrite, long reasoning) {
        return span("usage", NormalizedSpan::usage, new TokenUsage(in, out, total, cacheRead, cacheWrite, reasoning));
    }
    Expect rollup(boolean b) { return span("usageIsRollup", NormalizedSpan::usageIsRollup, b); }
    Expect cost(String usd) {
        return check("reportedCostUsd", r -> {
            if (usd == null) {
                assertThat(r.span().reportedCostUsd()).as("reportedCostUsd").isNull();
            } else {
                assertThat(r.span().reportedCostUsd()).as("reportedCostUsd").isEqualByComparingTo(new BigDecimal(usd));
            }
        });
    }
    Expect source(SemconvSource s) { return span("semconvSource", NormalizedSpan::semconvSource, s); }
    Expect environment(String s) { return span("environment", NormalizedSpan::environment, s); }
    Expect rawHas(String key, String value) {
        return check("spanAttributes[" + key + "]",
                r -> assertThat(r.span().spanAttributes()).as("spanAttributes").containsEntry(key, value));
    }
    Expect rawLacks(String... keys) {
        return check("spanAttributes lacks", r -> assertThat(r.span().spanAttributes()).as("spanAttributes").doesNotContainKeys(keys));
    }
    Expect system(String json) { return content("systemInstructions", SpanContent::systemInstructions, json); }
    Expect input(String json) { return content("inputMessages", SpanContent::inputMessages, json); }
    Expect output(String json) { return content("outputMessages", SpanContent::outputMessages, json); }
    Expect toolDefinitions(String json) { return content("toolDefinitions", SpanContent::toolDefinitions, json); }
    Expect toolArguments(String json) { return content("toolArguments", SpanContent::toolArguments, json); }
    Expect toolResult(String json) { return content("toolResult", SpanContent::toolResult, json); }
    Expect documents(String json) { return content("retrievalDocuments", SpanContent::retrievalDocuments, json); }
    Expect genericInput(String json) { return content("genericInput", SpanContent::genericInput, json); }
    Expect genericOutput(String json) { return content("genericOutput", SpanContent::genericOutput, json); }
    Expect inputPreview(String s) { return content("inputPreview", SpanContent::inputPreview, s); }
    Expect outputPreview(String s) { return content("outputPreview", SpanContent::outputPreview, s); }
    Expect noContent() {
        return check("content", r -> assertThat(r.content().isEmpty()).as("content is empty").isTrue());
    }
    Expect also(String name, Consumer<NormalizedResult> c) { return check(name, c); }

    void verify(NormalizedResult r) {
        assertThat(checks).as("a case must check something").isNotEmpty();
        checks.forEach(c -> c.accept(r));
    }

    @Override
    public String toString() {
        return String.join(", ", names);
    }
}
