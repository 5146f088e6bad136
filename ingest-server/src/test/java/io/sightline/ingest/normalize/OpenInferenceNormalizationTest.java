package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.TestSpans.span;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.SemconvSource;
import io.sightline.ingest.model.SpanKind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenInference (Arize): span kinds, llm.*, flattened messages, documents, tool spans. */
class OpenInferenceNormalizationTest {

    @ParameterizedTest
    @MethodSource("cases")
    void normalize_openInference(TestSpans span, Expect expect) {
        expect.verify(span.normalize());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("LLM span with flattened messages, tool calls, Azure hosting, cost",
                        span("openinference.span.kind", "LLM",
                                "llm.model_name", "gpt-4o-mini",
                                "llm.system", "openai", "llm.provider", "azure",
                                "llm.invocation_parameters", "{\"temperature\":0,\"stream\":true}",
                                "llm.input_messages.0.message.role", "system",
                                "llm.input_messages.0.message.content", "You are terse.",
                                "llm.input_messages.1.message.role", "user",
                                "llm.input_messages.1.message.content", "Weather?",
                                "llm.input_messages.2.message.role", "assistant",
                                "llm.input_messages.2.message.tool_calls.0.tool_call.id", "call_1",
                                "llm.input_messages.2.message.tool_calls.0.tool_call.function.name", "weather",
                                "llm.input_messages.2.message.tool_calls.0.tool_call.function.arguments", "{\"city\":\"Rome\"}",
                                "llm.input_messages.3.message.role", "tool",
                                "llm.input_messages.3.message.tool_call_id", "call_1",
                                "llm.input_messages.3.message.content", "sunny",
                                "llm.output_messages.0.message.role", "assistant",
                                "llm.output_messages.0.message.content", "Sunny in Rome.",
                                "llm.finish_reason", "stop",
                                "llm.token_count.prompt", 120L, "llm.token_count.completion", 8L, "llm.token_count.total", 128L,
                                "llm.token_count.prompt_details.cache_read", 100L,
                                "llm.token_count.completion_details.reasoning", 2L,
                                "llm.cost.total", 0.00042,
                                "llm.tools.0.tool.json_schema", "{\"type\":\"function\",\"function\":{\"name\":\"weather\",\"parameters\":{\"type\":\"object\"}}}",
                                "session.id", "s-1", "user.id", "u-1", "metadata", "{\"tier\":\"gold\"}"),
                        Expect.that().type(ObsType.LLM).operation("chat").provider("azure.ai.openai")
                                .requestModel("gpt-4o-mini").responseModel("gpt-4o-mini")
                                .tokens(120, 8, 128, 100, 0, 2).cost("0.00042").streaming(true).finishReasons("stop")
                                .session("s-1").user("u-1").source(SemconvSource.OPENINFERENCE)
                                .input("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"You are terse.\"}]},"
                                        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather?\"}]},"
                                        + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\",\"name\":\"weather\",\"arguments\":{\"city\":\"Rome\"}}]},"
                                        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_1\",\"response\":\"sunny\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Sunny in Rome.\"}]}]")
                                .toolDefinitions("[{\"type\":\"function\",\"name\":\"weather\",\"parameters\":{\"type\":\"object\"}}]")
                                .inputPreview("Weather?").outputPreview("Sunny in Rome.")
                                .rawHas("metadata", "{\"tier\":\"gold\"}").rawHas("llm.provider", "azure")
                                .rawLacks("llm.input_messages.0.message.content", "llm.tools.0.tool.json_schema")),
                argumentSet("request and response model names when they differ",
                        span("openinference.span.kind", "LLM", "llm.request.model_name", "gpt-4o", "llm.response.model_name",
                                "gpt-4o-2024-11-20", "llm.model_name", "gpt-4o-2024-11-20"),
                        Expect.that().requestModel("gpt-4o").responseModel("gpt-4o-2024-11-20")),
                argumentSet("multimodal contents and numeric index order (10 after 2)",
                        span("openinference.span.kind", "LLM",
                                "llm.input_messages.10.message.role", "user",
                                "llm.input_messages.10.message.content", "last",
                                "llm.input_messages.2.message.role", "user",
                                "llm.input_messages.2.message.contents.0.message_content.type", "text",
                                "llm.input_messages.2.message.contents.0.message_content.text", "What is this?",
                                "llm.input_messages.2.message.contents.1.message_content.type", "image",
                                "llm.input_messages.2.message.contents.1.message_content.image.image.url", "https://x/cat.png"),
                        Expect.that().input("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"What is this?\"},"
                                + "{\"type\":\"uri\",\"modality\":\"image\",\"uri\":\"https://x/cat.png\"}]},"
                                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"last\"}]}]")),
                argumentSet("__REDACTED__ placeholders are not content",
                        span("openinference.span.kind", "LLM", "llm.input_messages.0.message.role", "user",
                                "llm.input_messages.0.message.content", "__REDACTED__", "input.value", "__REDACTED__"),
                        Expect.that().noContent()),
                argumentSet("costs summed from prompt and completion when no total",
                        span("openinference.span.kind", "LLM", "llm.cost.prompt", 0.001, "llm.cost.completion", 0.002),
                        Expect.that().cost("0.003")),
                argumentSet("root CHAIN is a workflow that rolls up usage",
                        span("openinference.span.kind", "CHAIN", "input.value", "plan a trip", "output.value", "{\"days\":3}",
                                "llm.token_count.total", 900L).root().kind(SpanKind.INTERNAL),
                        Expect.that().type(ObsType.WORKFLOW).rollup(true).genericInput("\"plan a trip\"")
                                .genericOutput("{\"days\":3}").inputPreview("plan a trip").outputPreview("{\"days\":3}")
                                .rawLacks("input.value", "output.value")),
                argumentSet("child CHAIN is a chain", span("openinference.span.kind", "CHAIN").kind(SpanKind.INTERNAL),
                        Expect.that().type(ObsType.CHAIN).operation("")),
                argumentSet("TOOL span: input.value/output.value are arguments and result",
                        span("openinference.span.kind", "TOOL", "tool.name", "search", "tool.id", "call_5",
                                "input.value", "{\"q\":\"otel\"}", "input.mime_type", "application/json", "output.value", "3 hits"),
                        Expect.that().type(ObsType.TOOL).tool("search", "call_5").toolArguments("{\"q\":\"otel\"}")
                                .toolResult("\"3 hits\"").genericInput("").genericOutput("")
                                .rawHas("input.mime_type", "application/json")),
                argumentSet("RETRIEVER with flattened documents",
                        span("openinference.span.kind", "RETRIEVER", "input.value", "refunds",
                                "retrieval.documents.0.document.id", "doc-1",
                                "retrieval.documents.0.document.content", "Refunds within 30 days",
                                "retrieval.documents.0.document.score", 0.82,
                                "retrieval.documents.0.document.metadata", "{\"source\":\"faq\"}",
                                "retrieval.documents.1.document.id", "doc-2"),
                        Expect.that().type(ObsType.RETRIEVER).operation("retrieval")
                                .documents("[{\"id\":\"doc-1\",\"content\":\"Refunds within 30 days\",\"score\":0.82,"
                                        + "\"metadata\":{\"source\":\"faq\"}},{\"id\":\"doc-2\"}]")
                                .genericInput("\"refunds\"")),
                argumentSet("RERANKER: query and input documents as generic input, output documents as retrieval",
                        span("openinference.span.kind", "RERANKER", "reranker.model_name", "rerank-v3", "reranker.query", "q",
                                "reranker.input_documents.0.document.id", "a", "reranker.input_documents.1.document.id", "b",
                                "reranker.output_documents.0.document.id", "b", "reranker.output_documents.0.document.score", 0.9),
                        Expect.that().type(ObsType.RERANKER).requestModel("rerank-v3")
                                .documents("[{\"id\":\"b\",\"score\":0.9}]")
                                .genericInput("{\"query\":\"q\",\"documents\":[{\"id\":\"a\"},{\"id\":\"b\"}]}")),
                argumentSet("EMBEDDING: texts kept, vectors dropped",
                        span("openinference.span.kind", "EMBEDDING", "embedding.model_name", "text-embedding-3-large",
                                "embedding.embeddings.0.embedding.text", "hello",
                                "embedding.embeddings.0.embedding.vector", java.util.List.of(0.1, 0.2)),
                        Expect.that().type(ObsType.EMBEDDING).requestModel("text-embedding-3-large").genericInput("[\"hello\"]")
                                .rawLacks("embedding.embeddings.0.embedding.vector")),
                argumentSet("legacy completions API prompts and choices",
                        span("openinference.span.kind", "LLM", "llm.prompts", java.util.List.of("Say hi"),
                                "llm.choices.0.completion.text", "hi"),
                        Expect.that().input("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Say hi\"}]}]")
                                .output("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]}]")),
                argumentSet("unknown kind falls through to the next rule", span("openinference.span.kind", "UNKNOWN",
                                "gen_ai.operation.name", "execute_tool", "gen_ai.tool.name", "t"),
                        Expect.that().type(ObsType.TOOL)),
                argumentSet("AGENT / GUARDRAIL / EVALUATOR / PROMPT kinds",
                        span("openinference.span.kind", "GUARDRAIL", "agent.name", "triage"),
                        Expect.that().type(ObsType.GUARDRAIL).agent("triage")),
                argumentSet("PROMPT kind is other", span("openinference.span.kind", "PROMPT",
                                "llm.prompt_template.version", "v2", "prompt.id", "greeting"),
                        Expect.that().type(ObsType.OTHER).prompt("greeting", "v2").source(SemconvSource.OPENINFERENCE)));
    }
}
