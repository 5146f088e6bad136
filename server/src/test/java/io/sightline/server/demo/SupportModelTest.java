package io.sightline.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sightline.fakellm.Api;
import io.sightline.fakellm.LlmRequest;
import io.sightline.fakellm.Reply;
import io.sightline.fakellm.ToolCall;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo's scripted model: what it answers to the support agent's requests, as the provider's wire format carries them. */
class SupportModelTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A chat-completions request: user messages, and tool rounds as {@code tool name -> result}. */
  private static final class Chat {
    private final ObjectNode body = JSON.createObjectNode().put("model", "gpt-4o-mini");
    private final ArrayNode messages = body.putArray("messages");
    private int calls;

    Chat() {
      messages.addObject().put("role", "system").put("content", "You are the assistant.");
    }

    Chat user(String text) {
      messages.addObject().put("role", "user").put("content", text);
      return this;
    }

    Chat toolRound(String tool, String result) {
      String id = "call_" + (++calls);
      ObjectNode call = messages.addObject().put("role", "assistant").putNull("content")
          .putArray("tool_calls").addObject().put("id", id).put("type", "function");
      call.putObject("function").put("name", tool).put("arguments", "{}");
      messages.addObject().put("role", "tool").put("tool_call_id", id).put("content", result);
      return this;
    }

    Chat assistant(String text) {
      messages.addObject().put("role", "assistant").put("content", text);
      return this;
    }

    Chat with(String field, Object value) {
      body.set(field, JSON.valueToTree(value));
      return this;
    }

    Reply reply() {
      return SupportModel.reply(new LlmRequest("POST", "/v1/chat/completions", Map.of(), body.toString(),
          Api.CHAT_COMPLETIONS, body));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Hi, where is my order 1234?                             | lookup_order         | {\"orderId\":\"1234\"}",
      "Has my order ORD-5678 shipped yet?                      | lookup_order         | {\"orderId\":\"ORD-5678\"}",
      "Will the storm in Berlin delay the delivery?            | get_weather          | {\"city\":\"Berlin\"}",
      "Can I still return the headphones I bought 20 days ago? | search_refund_policy | {\"query\":\"return window for electronics such as headphones\"}"})
  void question_needingATool_callsIt(String question, String tool, String arguments) {
    assertThat(new Chat().user(question).reply().toolCalls()).containsExactly(new ToolCall(tool, arguments));
  }

  @Test
  void lookupOrder_rejectedId_isRetriedInTheDocumentedFormat() {
    Reply reply = new Chat().user("Hi, where is my order 1234?")
        .toolRound("lookup_order", "invalid order id '1234': order ids look like ORD-1234").reply();

    assertThat(reply.toolCalls()).containsExactly(new ToolCall("lookup_order", "{\"orderId\":\"ORD-1234\"}"));
  }

  @Test
  void lookupOrder_rejectedTwice_givesUpApologising() {
    Reply reply = new Chat().user("Hi, where is my order 1234?")
        .toolRound("lookup_order", "invalid order id").toolRound("lookup_order", "no order ORD-1234").reply();

    assertThat(reply.kind()).isEqualTo(Reply.Kind.TEXT);
    assertThat(reply.text()).startsWith("Sorry");
  }

  @Test
  void lookupOrder_result_isAnsweredFromIt() {
    Reply reply = new Chat().user("Hi, where is my order 1234?").toolRound("lookup_order", "invalid id")
        .toolRound("lookup_order", "{\"orderId\":\"ORD-1234\",\"status\":\"shipped\",\"carrier\":\"DHL\","
            + "\"destination\":\"Berlin\",\"expectedDelivery\":\"Thursday\"}").reply();

    assertThat(reply.text()).isEqualTo("Your order ORD-1234 has shipped with DHL and should arrive in Berlin on Thursday.");
  }

  @Test
  void weatherTool_failing_isAnsweredWithAnApology() {
    Reply reply = new Chat().user("Will the storm in Berlin delay the delivery?")
        .toolRound("get_weather", "weather service unavailable (HTTP 503) for Berlin").reply();

    assertThat(reply.text()).startsWith("Sorry, I could not reach the weather service for Berlin");
  }

  @Test
  void toolResultsOfEarlierTurns_doNotAnswerTheNewQuestion() {
    Reply reply = new Chat().user("Hi, where is my order 1234?")
        .toolRound("lookup_order", "{\"orderId\":\"ORD-1234\",\"status\":\"shipped\"}")
        .assistant("Your order ORD-1234 has shipped.")
        .user("Has my order ORD-5678 shipped yet?").reply();

    assertThat(reply.toolCalls()).containsExactly(new ToolCall("lookup_order", "{\"orderId\":\"ORD-5678\"}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "How do I start the return?                | Open the order in your account",
      "Do you offer gift wrapping?               | Yes! Gift wrapping costs 4.90 USD",
      "Can I add a card with a personal message? | Of course.",
      "Thanks. Which one arrives before Friday?  | Express: it arrives in two business days",
      "Hello?                                    | I can help with orders"})
  void question_needingNoTool_isAnsweredDirectly(String question, String answerStart) {
    Reply reply = new Chat().user(question).reply();

    assertThat(reply.kind()).isEqualTo(Reply.Kind.TEXT);
    assertThat(reply.text()).startsWith(answerStart);
  }

  @ParameterizedTest
  @CsvSource({"max_tokens", "max_completion_tokens"})
  void longAnswer_overTheTokenLimit_isCutOff(String limitField) {
    Reply reply = new Chat().user("Compare express and standard shipping in full detail.").with(limitField, 120).reply();

    assertThat(reply.kind()).isEqualTo(Reply.Kind.TRUNCATED);
    assertThat(reply.text()).startsWith("Here is a full comparison").hasSizeLessThanOrEqualTo(480);
  }

  @Test
  void longAnswer_withoutLimit_isWhole() {
    Reply reply = new Chat().user("Compare express and standard shipping in full detail.").reply();

    assertThat(reply.kind()).isEqualTo(Reply.Kind.TEXT);
    assertThat(reply.text()).endsWith("if nobody is home.");
  }

  @Test
  void streamingRequest_waitsBeforeItsFirstToken() {
    Reply reply = new Chat().user("Do you offer gift wrapping?").with("stream", true).reply();

    assertThat(reply.firstChunkDelay()).isEqualTo(SupportModel.FIRST_TOKEN).isGreaterThan(Duration.ZERO);
    assertThat(reply.chunkCount()).isGreaterThan(1);
  }

  @Test
  void blockingRequest_answersAtOnce() {
    assertThat(new Chat().user("Do you offer gift wrapping?").reply().firstChunkDelay()).isZero();
  }
}
