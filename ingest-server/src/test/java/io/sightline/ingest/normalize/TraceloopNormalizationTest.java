package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.SemconvSource;
import io.sightline.ingest.model.SpanKind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenLLMetry / Traceloop: legacy indexed keys (< 0.55), current OTel-named output, SDK decorators. */
class TraceloopNormalizationTest {

    @ParameterizedTest
    @MethodSource("cases")
    void normalize_traceloop(TestSpans span, Expect expect) {
        expect.verify(span.normalize());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("legacy chat: indexed prompt/completion with tool calls, numeric order, index cap",
                        span("llm.request.type", "chat", "gen_ai.system", "OpenAI", "gen_ai.request.model", "gpt-4",
                                "gen_ai.prompt.0.role", "system", "gen_ai.prompt.0.content", "Be exact.",
                                "gen_ai.prompt.10.role", "user", "gen_ai.prompt.10.content", "tenth",
                                "gen_ai.prompt.2.role", "user", "gen_ai.prompt.2.content", "second",
                                "gen_ai.prompt.5000.content", "beyond the cap",
                                "gen_ai.prompt.name", "not-a-message",
                                "gen_ai.completion.0.role", "assistant",
                                "gen_ai.completion.0.finish_reason", "tool_calls",
                                "gen_ai.completion.0.tool_calls.0.id", "call_a",
                                "gen_ai.completion.0.tool_calls.0.name", "lookup",
                                "gen_ai.completion.0.tool_calls.0.arguments", "{\"id\":7}",
                                "gen_ai.usage.prompt_tokens", 30L, "gen_ai.usage.completion_tokens", 12L,
                                "llm.usage.total_tokens", 42L, "llm.is_streaming", false,
                                "traceloop.association.properties.session_id", "tl-sess",
                                "traceloop.association.properties.user_id", "tl-user"),
                        Expect.that().type(ObsType.LLM).operation("chat").provider("openai").requestModel("gpt-4")
                                .tokens(30, 12, 42, 0, 0, 0).streaming(false).session("tl-sess").user("tl-user")
                                .finishReasons("tool_call").source(SemconvSource.TRACELOOP).prompt("not-a-message", "")
                                .input("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be exact.\"}]},"
                                        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"second\"}]},"
                                        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"tenth\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_a\",\"name\":\"lookup\","
                                        + "\"arguments\":{\"id\":7}}],\"finish_reason\":\"tool_call\"}]")
                                .inputPreview("tenth")
                                .rawHas("gen_ai.prompt.name", "not-a-message")
                                .rawLacks("gen_ai.prompt.0.content", "gen_ai.prompt.5000.content", "gen_ai.completion.0.role")),
                argumentSet("legacy tool message and completion text",
                        span("llm.request.type", "chat",
                                "gen_ai.prompt.0.role", "tool", "gen_ai.prompt.0.tool_call_id", "call_a",
                                "gen_ai.prompt.0.content", "{\"name\":\"Ada\"}",
                                "gen_ai.completion.0.role", "assistant", "gen_ai.completion.0.content", "Found Ada.",
                                "gen_ai.completion.0.finish_reason", "stop"),
                        Expect.that().input("[{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_a\","
                                        + "\"response\":{\"name\":\"Ada\"}}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Found Ada.\"}],\"finish_reason\":\"stop\"}]")),
                argumentSet("FILTERED completion is a content-filter marker, not text",
                        span("llm.request.type", "chat", "gen_ai.completion.0.role", "assistant", "gen_ai.completion.0.content", "FILTERED"),
                        Expect.that().finishReasons("content_filter")
                                .output("[{\"role\":\"assistant\",\"parts\":[],\"finish_reason\":\"content_filter\"}]")
                                .outputPreview("")),
                argumentSet("legacy Anthropic cache keys (underscore spelling, exclusive input)",
                        span("llm.request.type", "chat", "gen_ai.system", "Anthropic",
                                "gen_ai.usage.prompt_tokens", 20L, "gen_ai.usage.completion_tokens", 4L,
                                "gen_ai.usage.cache_read_input_tokens", 1000L, "gen_ai.usage.cache_creation_input_tokens", 50L),
                        Expect.that().provider("anthropic").tokens(1070, 4, 1074, 1000, 50, 0)),
                argumentSet("current (>= 0.55): OTel names, JSON-string messages, project extras",
                        span("gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai",
                                "gen_ai.usage.input_tokens", 10L, "gen_ai.usage.output_tokens", 5L, "gen_ai.usage.total_tokens", 15L,
                                "gen_ai.usage.reasoning_tokens", 2L, "gen_ai.is_streaming", true,
                                "gen_ai.response.finish_reason", "stop",
                                "gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"x\"}]}]"),
                        Expect.that().type(ObsType.LLM).tokens(10, 5, 15, 0, 0, 2).streaming(true).finishReasons("stop")
                                .source(SemconvSource.TRACELOOP)),
                argumentSet("workflow decorator: entity input/output as generic I/O, rolls up usage",
                        span("traceloop.span.kind", "workflow", "traceloop.entity.name", "answer_question",
                                "traceloop.workflow.name", "answer_question",
                                "traceloop.entity.input", "{\"args\":[\"What is OTel?\"],\"kwargs\":{}}",
                                "traceloop.entity.output", "\"OpenTelemetry\"").root().kind(SpanKind.INTERNAL),
                        Expect.that().type(ObsType.WORKFLOW).rollup(true).agent("")
                                .genericInput("{\"args\":[\"What is OTel?\"],\"kwargs\":{}}")
                                .genericOutput("\"OpenTelemetry\"").source(SemconvSource.TRACELOOP)),
                argumentSet("task decorator is a chain", span("traceloop.span.kind", "task").kind(SpanKind.INTERNAL),
                        Expect.that().type(ObsType.CHAIN).rollup(true)),
                argumentSet("agent decorator names the agent",
                        span("traceloop.span.kind", "agent", "traceloop.entity.name", "researcher").kind(SpanKind.INTERNAL),
                        Expect.that().type(ObsType.AGENT).agent("researcher")),
                argumentSet("tool decorator: entity name and input become tool name and arguments",
                        span("traceloop.span.kind", "tool", "traceloop.entity.name", "fetch_page",
                                "traceloop.entity.input", "{\"args\":[\"https://x\"]}", "traceloop.entity.output", "<html>"),
                        Expect.that().type(ObsType.TOOL).tool("fetch_page", "").toolArguments("{\"args\":[\"https://x\"]}")
                                .toolResult("\"<html>\"")),
                argumentSet("legacy functions offered to the model",
                        span("llm.request.type", "chat", "llm.request.functions.0.name", "get_time",
                                "llm.request.functions.0.description", "Current time",
                                "llm.request.functions.0.parameters", "{\"type\":\"object\"}"),
                        Expect.that().toolDefinitions("[{\"type\":\"function\",\"name\":\"get_time\",\"description\":\"Current time\","
                                + "\"parameters\":{\"type\":\"object\"}}]")),
                argumentSet("streaming chunk events: first chunk gives the time to first token, chunks are dropped",
                        span("llm.request.type", "chat", "llm.is_streaming", true)
                                .event("llm.content.completion.chunk", 340).event("llm.content.completion.chunk", 400),
                        Expect.that().ttftMs(340).streaming(true)
                                .also("chunk events dropped", r -> assertThat(r.span().events()).isEmpty())),
                argumentSet("vector DB result events become documents",
                        span("db.system", "chroma", "db.vector.query.top_k", 2L)
                                .event("db.query.result", 1, "db.query.result.id", "a", "db.query.result.distance", 0.12,
                                        "db.query.result.document", "alpha text"),
                        Expect.that().documents("[{\"id\":\"a\",\"content\":\"alpha text\",\"score\":0.12}]")
                                .rawHas("db.system", "chroma")),
                argumentSet("completion legacy request type", span("llm.request.type", "completion"),
                        Expect.that().type(ObsType.LLM).operation("text_completion")),
                argumentSet("rerank request type", span("llm.request.type", "rerank"),
                        Expect.that().type(ObsType.RERANKER).operation("rerank")));
    }
}
