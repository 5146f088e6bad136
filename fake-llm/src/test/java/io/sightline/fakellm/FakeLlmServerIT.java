package io.sightline.fakellm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FakeLlmServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final FakeLlmServer llm = FakeLlmServer.start();

  @AfterEach
  void stop() {
    llm.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(llm.baseUrl() + path))
        .header("content-type", "application/json")
        .header("baggage", "session.id=s-1")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  /** Parses an SSE body into (event, data) pairs; event is null for data-only events. */
  private static List<String[]> events(String body) {
    List<String[]> events = new ArrayList<>();
    for (String block : body.split("\n\n")) {
      String event = null;
      String data = null;
      for (String line : block.split("\n")) {
        if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data = line.substring(6);
        }
      }
      if (data != null) {
        events.add(new String[] {event, data});
      }
    }
    return events;
  }

  @Test
  void chatCompletion_noRule_echoesUserTextWithSnapshotModelAndUsage() throws Exception {
    HttpResponse<String> response = post("/v1/chat/completions",
        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},"
            + "{\"role\":\"user\",\"content\":\"Hello there\"}]}");

    JsonNode body = json(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.path("id").asText()).isEqualTo("chatcmpl-fake-000001");
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("You said: Hello there");
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(body.at("/usage/prompt_tokens").asInt()).isPositive();
    assertThat(body.at("/usage/total_tokens").asInt())
        .isEqualTo(body.at("/usage/prompt_tokens").asInt() + body.at("/usage/completion_tokens").asInt());
  }

  @Test
  void chatCompletion_toolRule_returnsToolCallsUntilToolResultsArrive() throws Exception {
    llm.on(Match.userSays("weather").and(Match.hasToolResults().negate()),
        Reply.toolCall("get_weather", "{\"city\":\"Paris\"}"));

    JsonNode first = json(post("/v1/chat/completions",
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"}],"
            + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}]}"));
    JsonNode second = json(post("/v1/chat/completions",
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"call_fake_000001_0\",\"content\":\"sunny\"}]}"));

    assertThat(first.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
    assertThat(first.at("/choices/0/message/tool_calls/0/id").asText()).isEqualTo("call_fake_000001_0");
    assertThat(first.at("/choices/0/message/tool_calls/0/function/name").asText()).isEqualTo("get_weather");
    assertThat(first.at("/choices/0/message/tool_calls/0/function/arguments").asText())
        .isEqualTo("{\"city\":\"Paris\"}");
    assertThat(second.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(llm.requests().get(0).toolNames()).containsExactly("get_weather");
  }

  @Test
  void chatStream_includeUsage_sendsChunksThenUsageChunkThenDone() throws Exception {
    llm.on(Match.any(), Reply.text("one two three four").withStreamTiming(Duration.ofMillis(150), Duration.ZERO));

    long start = System.nanoTime();
    HttpResponse<String> response = post("/v1/chat/completions",
        "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    List<String[]> events = events(response.body());
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(150);
    assertThat(events.getLast()[1]).isEqualTo("[DONE]");
    StringBuilder text = new StringBuilder();
    for (String[] e : events.subList(0, events.size() - 2)) {
      text.append(JSON.readTree(e[1]).at("/choices/0/delta/content").asText(""));
    }
    assertThat(text).hasToString("one two three four");
    JsonNode usageChunk = JSON.readTree(events.get(events.size() - 2)[1]);
    assertThat(usageChunk.path("choices")).isEmpty();
    assertThat(usageChunk.at("/usage/completion_tokens").asInt()).isPositive();
    assertThat(JSON.readTree(events.get(events.size() - 3)[1]).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
  }

  @Test
  void chatStream_withoutIncludeUsage_hasNoUsageChunk() throws Exception {
    HttpResponse<String> response = post("/v1/chat/completions",
        "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    assertThat(events(response.body())).noneMatch(e -> e[1].contains("\"usage\""));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("/v1/chat/completions", Reply.rateLimited(2), 429, "2", "/error/code", "rate_limit_exceeded"),
        Arguments.of("/v1/chat/completions", Reply.serverError(), 500, null, "/error/type", "server_error"),
        Arguments.of("/v1/messages", Reply.rateLimited(1), 429, "1", "/error/type", "rate_limit_error"),
        Arguments.of("/v1/messages", Reply.serverError(), 500, null, "/error/type", "api_error"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void errorReply_answersStatusRetryAfterAndProviderShapedBody(
      String path, Reply reply, int status, String retryAfter, String pointer, String value) throws Exception {
    llm.on(Match.any(), reply);

    HttpResponse<String> response = post(path, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("retry-after").orElse(null)).isEqualTo(retryAfter);
    assertThat(json(response).at(pointer).asText()).isEqualTo(value);
  }

  @Test
  void once_answersOnlyTheFirstMatchingRequest() throws Exception {
    llm.once(Match.any(), Reply.rateLimited(1));
    String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";

    assertThat(post("/v1/chat/completions", body).statusCode()).isEqualTo(429);
    assertThat(post("/v1/chat/completions", body).statusCode()).isEqualTo(200);
  }

  @Test
  void truncated_reportsLengthFinishReasons() throws Exception {
    llm.on(Match.any(), Reply.truncated("cut"));

    JsonNode chat = json(post("/v1/chat/completions", "{\"model\":\"m\",\"messages\":[]}"));
    JsonNode messages = json(post("/v1/messages", "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[]}"));
    JsonNode responses = json(post("/v1/responses", "{\"model\":\"m\",\"input\":\"x\"}"));

    assertThat(chat.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    assertThat(messages.path("stop_reason").asText()).isEqualTo("max_tokens");
    assertThat(responses.path("status").asText()).isEqualTo("incomplete");
    assertThat(responses.at("/incomplete_details/reason").asText()).isEqualTo("max_output_tokens");
  }

  @Test
  void hang_outlastsTheClientReadTimeout() {
    llm.on(Match.any(), Reply.hang(Duration.ofSeconds(3)));
    HttpRequest request = HttpRequest.newBuilder(URI.create(llm.baseUrl() + "/v1/chat/completions"))
        .timeout(Duration.ofMillis(200))
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[]}"))
        .build();

    assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void responses_nonStreaming_returnsOutputTextAndUsage() throws Exception {
    JsonNode body = json(post("/v1/responses", "{\"model\":\"gpt-4o-mini\",\"input\":\"Hi\"}"));

    assertThat(body.path("id").asText()).isEqualTo("resp_fake_000001");
    assertThat(body.path("status").asText()).isEqualTo("completed");
    assertThat(body.at("/output/0/content/0/text").asText()).isEqualTo("You said: Hi");
    assertThat(body.at("/usage/input_tokens").asInt()).isPositive();
  }

  @Test
  void responses_streaming_sendsTypedEventsEndingWithCompleted() throws Exception {
    llm.on(Match.any(), Reply.toolCall("lookup", "{\"q\":1}"));

    List<String[]> events = events(post("/v1/responses", "{\"model\":\"gpt-4o\",\"stream\":true,\"input\":\"Hi\"}").body());

    assertThat(events).extracting(e -> e[0]).containsExactly(
        "response.created", "response.in_progress", "response.output_item.added",
        "response.function_call_arguments.delta", "response.function_call_arguments.done",
        "response.output_item.done", "response.completed");
    JsonNode completed = JSON.readTree(events.getLast()[1]);
    assertThat(completed.at("/response/output/0/call_id").asText()).isEqualTo("call_fake_000001_0");
    assertThat(events).extracting(e -> JSON.readTree(e[1]).path("sequence_number").asInt())
        .containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void embeddings_floatAndBase64_haveRequestedDimensions() throws Exception {
    JsonNode floats = json(post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"],\"dimensions\":4}"));
    JsonNode base64 = json(post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"a\",\"encoding_format\":\"base64\"}"));

    assertThat(floats.path("data")).hasSize(2);
    assertThat(floats.at("/data/0/embedding")).hasSize(4);
    assertThat(java.util.Base64.getDecoder().decode(base64.at("/data/0/embedding").asText())).hasSize(8 * 4);
    assertThat(floats.at("/usage/prompt_tokens").asInt()).isPositive();
  }

  @Test
  void anthropicMessage_cacheUsage_reportsInputExclusiveOfCache() throws Exception {
    llm.on(Match.any(), Reply.text("Bonjour").withUsage(100, 7).withCache(60, 10));

    JsonNode body = json(post("/v1/messages",
        "{\"model\":\"claude-3-5-haiku-latest\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));

    assertThat(body.path("model").asText()).isEqualTo("claude-3-5-haiku-20241022");
    assertThat(body.at("/content/0/text").asText()).isEqualTo("Bonjour");
    assertThat(body.path("stop_reason").asText()).isEqualTo("end_turn");
    assertThat(body.at("/usage/input_tokens").asInt()).isEqualTo(30);
    assertThat(body.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(60);
    assertThat(body.at("/usage/cache_creation_input_tokens").asInt()).isEqualTo(10);
    assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(7);
  }

  @Test
  void anthropicStream_toolUse_sendsEventSequence() throws Exception {
    llm.on(Match.any(), Reply.toolCall("get_weather", "{\"city\":\"Oslo\"}"));

    List<String[]> events = events(post("/v1/messages",
        "{\"model\":\"claude-sonnet-4-0\",\"max_tokens\":50,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}").body());

    assertThat(events).extracting(e -> e[0]).containsExactly(
        "message_start", "content_block_start", "content_block_delta", "content_block_stop",
        "message_delta", "message_stop");
    assertThat(JSON.readTree(events.get(1)[1]).at("/content_block/name").asText()).isEqualTo("get_weather");
    assertThat(JSON.readTree(events.get(2)[1]).at("/delta/partial_json").asText()).isEqualTo("{\"city\":\"Oslo\"}");
    assertThat(JSON.readTree(events.get(4)[1]).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
  }

  @Test
  void requests_recordMethodPathHeadersAndBody() throws Exception {
    post("/v1/chat/completions", "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

    LlmRequest recorded = llm.requests().getFirst();
    assertThat(recorded.method()).isEqualTo("POST");
    assertThat(recorded.path()).isEqualTo("/v1/chat/completions");
    assertThat(recorded.header("Baggage")).isEqualTo("session.id=s-1");
    assertThat(recorded.model()).isEqualTo("gpt-4o-mini");
    assertThat(recorded.lastUserText()).isEqualTo("x");
  }

  @Test
  void directives_inUserText_scriptTheDefaultReply() throws Exception {
    HttpResponse<String> limited = post("/v1/chat/completions",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"go [fake:error=429]\"}]}");
    JsonNode tool = json(post("/v1/messages",
        "{\"model\":\"m\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"[fake:tool=lookup {\\\"id\\\":7}]\"}]}"));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("retry-after")).hasValue("1");
    assertThat(tool.at("/content/0/name").asText()).isEqualTo("lookup");
    assertThat(tool.at("/content/0/input/id").asInt()).isEqualTo(7);
  }

  @Test
  void unknownPath_answers404() throws Exception {
    assertThat(post("/v1/images/generations", "{}").statusCode()).isEqualTo(404);
  }
}
