package io.sightline.extension.it.apps;

import static io.sightline.extension.it.apps.Scenarios.prompt;
import static io.sightline.extension.it.apps.Scenarios.run;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** openai-java scenarios, each against the fake server given as the first argument. */
public final class OpenAiApp {
  public static void main(String[] args) throws Exception {
    String baseUrl = args[0] + "/v1";
    OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("sk-test").maxRetries(0)
        .timeout(Duration.ofSeconds(10)).build();
    OpenAIClient impatient = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("sk-test").maxRetries(0)
        .timeout(Duration.ofMillis(400)).build();

    run("chat", () -> text(client.chat().completions().create(chat("chat", "Hello, my email is jane@example.com")
        .addSystemMessage("You are terse.").temperature(0.2).maxCompletionTokens(64L).build())));
    run("stream", () -> {
      StringBuilder sb = new StringBuilder();
      try (StreamResponse<ChatCompletionChunk> stream =
               client.chat().completions().createStreaming(chat("stream", "Count to four").build())) {
        stream.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(sb::append)));
      }
      return sb;
    });
    run("stream-usage", () -> {
      StringBuilder sb = new StringBuilder();
      try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
          chat("stream-usage", "Count to four")
              .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
        stream.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(sb::append)));
      }
      return sb;
    });
    run("stream-early-close", () -> {
      try (StreamResponse<ChatCompletionChunk> stream =
               client.chat().completions().createStreaming(chat("stream-early-close", "Tell a long story").build())) {
        return stream.stream().findFirst().map(ChatCompletionChunk::id).orElse("none");
      }
    });
    run("async", () -> text(client.async().chat().completions().create(chat("async", "Hi async").build()).get()));
    run("async-stream", () -> {
      StringBuilder sb = new StringBuilder();
      AsyncStreamResponse<ChatCompletionChunk> stream =
          client.async().chat().completions().createStreaming(chat("async-stream", "Hi").build());
      CompletableFuture<Void> done = stream.subscribe(c ->
          c.choices().forEach(ch -> ch.delta().content().ifPresent(sb::append))).onCompleteFuture();
      done.get();
      return sb;
    });
    run("tools", () -> {
      ChatCompletionCreateParams.Builder params = chat("tools", "What is the weather in Paris?")
          .addTool(ChatCompletionFunctionTool.builder()
              .function(FunctionDefinition.builder().name("get_weather").description("Current weather").build()).build());
      ChatCompletion first = client.chat().completions().create(params.build());
      ChatCompletionMessageToolCall call = first.choices().get(0).message().toolCalls().get().get(0);
      String callId = call.asFunction().id();
      params.addMessage(first.choices().get(0).message())
          .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(callId).content("sunny, 21C").build());
      return callId + " -> " + text(client.chat().completions().create(params.build()));
    });
    run("truncated", () -> text(client.chat().completions().create(chat("truncated", "Write an essay").maxCompletionTokens(5L).build())));
    run("rate-limited", () -> text(client.chat().completions().create(chat("rate-limited", "Hi").build())));
    run("server-error", () -> text(client.chat().completions().create(chat("server-error", "Hi").build())));
    run("timeout", () -> text(impatient.chat().completions().create(chat("timeout", "Hi").build())));
    run("responses", () -> {
      Response r = client.responses().create(ResponseCreateParams.builder().model("gpt-4o-mini")
          .instructions("Be terse.").input(prompt("responses", "Hello responses")).build());
      return r.id() + " " + r.output().get(0).message().get().content().get(0).outputText().get().text();
    });
    run("responses-stream", () -> {
      StringBuilder sb = new StringBuilder();
      try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(ResponseCreateParams.builder()
          .model("gpt-4o-mini").input(prompt("responses-stream", "Hello stream")).build())) {
        stream.stream().forEach(e -> e.outputTextDelta().ifPresent(d -> sb.append(d.delta())));
      }
      return sb;
    });
    run("embeddings", () -> {
      CreateEmbeddingResponse r = client.embeddings().create(EmbeddingCreateParams.builder()
          .model("text-embedding-3-small").input("[scenario=embeddings] vector me").build());
      return r.data().size() + " x " + r.data().get(0).embedding().size();
    });
    Scenarios.done();
  }

  private static ChatCompletionCreateParams.Builder chat(String scenario, String text) {
    return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage(prompt(scenario, text));
  }

  private static String text(ChatCompletion c) {
    Optional<String> content = c.choices().get(0).message().content();
    return c.id() + " " + c.model() + " " + c.choices().get(0).finishReason().asString() + " " + content.orElse("<none>");
  }
}
