package io.sightline.extension.it.apps;

import static io.sightline.extension.it.apps.Scenarios.prompt;
import static io.sightline.extension.it.apps.Scenarios.run;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.TokenStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** LangChain4j scenarios (OpenAI provider), against the fake server given as the first argument. */
public final class LangChain4jApp {
  /** An AI service with chat memory per conversation and one tool. */
  public interface Assistant {
    String chat(@MemoryId String conversation, @dev.langchain4j.service.UserMessage String message);
  }

  /** The same assistant answering as a stream. */
  public interface StreamingAssistant {
    TokenStream chat(@MemoryId String conversation, @dev.langchain4j.service.UserMessage String message);
  }

  /** The tool the assistant may call. */
  public static final class WeatherTools {
    @Tool("Current weather in a city")
    public String getWeather(String city) {
      return "sunny in " + city;
    }
  }

  /** A tool whose backend is down: LangChain4j turns the exception into an error result. */
  public static final class OrderTools {
    @Tool("Status of an order")
    public String lookupOrder(String orderId) {
      throw new IllegalStateException("order service unavailable; escalate to jane.doe@example.com");
    }
  }

  public static void main(String[] args) throws Exception {
    String baseUrl = args[0] + "/v1";
    ChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey("sk-test").modelName("gpt-4o-mini")
        .temperature(0.3).maxRetries(0).timeout(Duration.ofSeconds(10)).build();
    StreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey("sk-test")
        .modelName("gpt-4o-mini").timeout(Duration.ofSeconds(10)).build();

    run("chat", () -> {
      ChatResponse r = model.chat(ChatRequest.builder().messages(UserMessage.from(prompt("chat", "Hello"))).build());
      return r.id() + " " + r.modelName() + " " + r.finishReason() + " " + r.aiMessage().text();
    });
    run("stream", () -> {
      CompletableFuture<String> done = new CompletableFuture<>();
      StringBuilder sb = new StringBuilder();
      streaming.chat(prompt("stream", "Count"), new StreamingChatResponseHandler() {
        @Override
        public void onPartialResponse(String partial) {
          sb.append(partial);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
          done.complete(sb + " | " + response.finishReason());
        }

        @Override
        public void onError(Throwable error) {
          done.completeExceptionally(error);
        }
      });
      return done.get();
    });
    Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).tools(new WeatherTools())
        .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(10)).build();
    run("agent", () -> assistant.chat("conv-42", prompt("agent", "What is the weather in Rome?")));
    StreamingAssistant streamingAssistant = AiServices.builder(StreamingAssistant.class).streamingChatModel(streaming)
        .tools(new WeatherTools()).chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(10)).build();
    run("agent-stream", () -> {
      CompletableFuture<String> done = new CompletableFuture<>();
      StringBuilder sb = new StringBuilder();
      streamingAssistant.chat("conv-43", prompt("agent-stream", "Weather in Oslo?"))
          .onPartialResponse(sb::append)
          .onCompleteResponse(r -> done.complete(sb + " | " + r.finishReason()))
          .onError(done::completeExceptionally)
          .start();
      return done.get();
    });
    run("agent-stream-bare", () -> {
      // No completion handler and errors ignored: the app only watches the text arrive.
      StringBuffer sb = new StringBuffer();
      streamingAssistant.chat("conv-44", prompt("agent-stream-bare", "Weather in Lima?"))
          .onPartialResponse(sb::append)
          .ignoreErrors()
          .start();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!sb.toString().endsWith("All done.") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      return sb.toString();
    });
    run("rate-limited", () -> model.chat(prompt("rate-limited", "Hi")));
    Assistant orders = AiServices.builder(Assistant.class).chatModel(model).tools(new OrderTools())
        .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(10)).build();
    run("failing-tool", () -> orders.chat("conv-7", prompt("failing-tool", "Where is order 1234?")));
    Scenarios.done();
  }
}
