package io.sightline.extension.it.apps;

import static io.sightline.extension.it.apps.Scenarios.prompt;
import static io.sightline.extension.it.apps.Scenarios.run;

import java.util.stream.Collectors;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.annotation.Tool;

/** Spring AI 2 (OpenAI over openai-java) scenarios, against the fake server given as the first argument. */
public final class SpringAiApp {
  /** The tool the model may call. */
  public static final class WeatherTools {
    @Tool(description = "Current weather in a city")
    public String getWeather(String city) {
      return "windy in " + city;
    }
  }

  public static void main(String[] args) {
    OpenAiChatModel model = OpenAiChatModel.builder().options(OpenAiChatOptions.builder().baseUrl(args[0] + "/v1")
        .apiKey("sk-test").model("gpt-4o-mini").temperature(0.4).maxRetries(0).build()).build();

    // A cold JVM's first Spring AI stream spends ~1 s loading Reactor and SDK streaming code: warm it
    // up so the measured time to first chunk reflects the server's delay.
    run("warmup", () -> model.stream(new Prompt(prompt("warmup", "Hi"))).collectList().block().size());
    run("call", () -> text(model.call(new Prompt(prompt("call", "Hello Spring")))));
    run("stream", () -> model.stream(new Prompt(prompt("stream", "Count"))).collectList().block().stream()
        .map(r -> r.getResult() == null || r.getResult().getOutput().getText() == null ? "" : r.getResult().getOutput().getText())
        .collect(Collectors.joining()));
    // The first attempt fails (HTTP 500) and the application retries by subscribing again.
    run("stream-retry", () -> model.stream(new Prompt(prompt("stream-retry", "Count"))).retry(1).collectList()
        .block().stream()
        .map(r -> r.getResult() == null || r.getResult().getOutput().getText() == null ? "" : r.getResult().getOutput().getText())
        .collect(Collectors.joining()));
    // Spring AI 2 runs tools in ChatClient (not in the model): two model calls around one tool call.
    run("tools", () -> ChatClient.create(model).prompt().user(prompt("tools", "Weather in Lisbon?"))
        .toolCallbacks(ToolCallbacks.from(new WeatherTools())).call().content());
    run("server-error", () -> text(model.call(new Prompt(prompt("server-error", "Hi")))));
    Scenarios.done();
  }

  private static String text(ChatResponse response) {
    return response.getMetadata().getId() + " " + response.getResult().getOutput().getText();
  }
}
