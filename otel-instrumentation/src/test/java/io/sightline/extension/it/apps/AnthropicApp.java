package io.sightline.extension.it.apps;

import static io.sightline.extension.it.apps.Scenarios.prompt;
import static io.sightline.extension.it.apps.Scenarios.run;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/** anthropic-java scenarios, each against the fake server given as the first argument. */
public final class AnthropicApp {
  public static void main(String[] args) throws Exception {
    AnthropicClient client = AnthropicOkHttpClient.builder().baseUrl(args[0]).apiKey("sk-ant-test").maxRetries(0)
        .timeout(Duration.ofSeconds(10)).build();

    run("messages", () -> text(client.messages().create(params("messages", "Hello, call me at +1 415 555 0100")
        .system("You are terse.").build())));
    run("stream", () -> {
      StringBuilder sb = new StringBuilder();
      try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params("stream", "Count").build())) {
        stream.stream().forEach(e -> e.contentBlockDelta().ifPresent(d -> d.delta().text().ifPresent(t -> sb.append(t.text()))));
      }
      return sb;
    });
    run("async", () -> text(client.async().messages().create(params("async", "Hi").build()).get()));
    run("async-stream", () -> {
      StringBuilder sb = new StringBuilder();
      client.async().messages().createStreaming(params("async-stream", "Hi").build())
          .subscribe(e -> e.contentBlockDelta().ifPresent(d -> d.delta().text().ifPresent(t -> sb.append(t.text()))))
          .onCompleteFuture().get();
      return sb;
    });
    run("tools", () -> {
      MessageCreateParams.Builder params = params("tools", "Weather in Oslo?").addTool(Tool.builder().name("get_weather")
          .description("Current weather")
          .inputSchema(Tool.InputSchema.builder().properties(JsonValue.from(Collections.emptyMap())).build()).build());
      Message first = client.messages().create(params.build());
      ToolUseBlock use = first.content().get(0).toolUse().get();
      params.addMessage(first).addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
          ToolResultBlockParam.builder().toolUseId(use.id()).content("cloudy, 12C").build())));
      return use.id() + " -> " + text(client.messages().create(params.build()));
    });
    run("rate-limited", () -> text(client.messages().create(params("rate-limited", "Hi").build())));
    run("server-error", () -> text(client.messages().create(params("server-error", "Hi").build())));
    run("beta", () -> {
      com.anthropic.models.beta.messages.BetaMessage m = client.beta().messages().create(
          com.anthropic.models.beta.messages.MessageCreateParams.builder().model("claude-sonnet-4-0").maxTokens(100)
              .addUserMessage(prompt("beta", "Hi beta")).build());
      return m.id() + " " + m.stopReason().map(Object::toString).orElse("none");
    });
    Scenarios.done();
  }

  private static MessageCreateParams.Builder params(String scenario, String text) {
    return MessageCreateParams.builder().model("claude-3-5-haiku-latest").maxTokens(200).addUserMessage(prompt(scenario, text));
  }

  private static String text(Message m) {
    StringBuilder sb = new StringBuilder(m.id() + " " + m.model().asString() + " " + m.stopReason().map(Object::toString).orElse("none"));
    for (ContentBlock block : m.content()) {
      block.text().ifPresent(t -> sb.append(' ').append(t.text()));
    }
    return sb.toString();
  }
}
