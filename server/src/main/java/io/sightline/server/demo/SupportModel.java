package io.sightline.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.fakellm.FakeLlmServer;
import io.sightline.fakellm.LlmRequest;
import io.sightline.fakellm.Match;
import io.sightline.fakellm.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's language model, on the fake provider: deterministic answers to the support agent
 * of {@code examples/support-agent} (its {@code Script} says what the customers write). Like a
 * real model it reads the conversation since the customer's last message, asks for a tool when it
 * needs one, corrects a rejected call, and answers from the tool results. It also behaves like a
 * real provider: the first request for the larger model is rate limited, answers longer than
 * {@code max_tokens} are cut off, and streamed answers take a moment to their first token.
 */
final class SupportModel {
  static final String LARGE_MODEL = "gpt-4o";
  static final Duration FIRST_TOKEN = Duration.ofMillis(600);
  static final Duration BETWEEN_TOKENS = Duration.ofMillis(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ORDER = Pattern.compile("(ORD-)?(\\d{4})");
  private static final Pattern CITY = Pattern.compile("\\bin ([A-Z][a-z]+)");

  private SupportModel() {}

  /** Scripts {@code llm}: one 429 for the larger model, then every request answered by {@link #reply}. */
  static void install(FakeLlmServer llm) {
    llm.once(Match.model(LARGE_MODEL), Reply.rateLimited(1));
    llm.on(Match.any(), SupportModel::reply);
  }

  static Reply reply(LlmRequest request) {
    Turn turn = Turn.of(request.json());
    Reply reply = capped(answer(turn), maxTokens(request.json()));
    return request.stream() ? reply.withStreamTiming(FIRST_TOKEN, BETWEEN_TOKENS).withChunks(8) : reply;
  }

  private static Reply answer(Turn t) {
    String q = t.question().toLowerCase(Locale.ROOT);
    if (q.contains("storm") || q.contains("weather")) {
      Matcher city = CITY.matcher(t.question());
      String where = city.find() ? city.group(1) : "your city";
      if (!t.called("get_weather")) {
        return Reply.toolCall("get_weather", "{\"city\":\"" + where + "\"}");
      }
      JsonNode weather = t.json("get_weather");
      return weather == null
          ? Reply.text("Sorry, I could not reach the weather service for " + where + " right now, so I "
              + "cannot tell whether the storm will delay your parcel. The carrier's tracking page will show any delay.")
          : Reply.text("The weather in " + where + " is " + weather.path("summary").asText() + ".");
    }
    if (q.contains("order")) {
      Matcher m = ORDER.matcher(t.question());
      if (!m.find()) {
        return Reply.text("Which order do you mean? Order ids look like ORD-1234.");
      }
      if (!t.called("lookup_order")) {
        return Reply.toolCall("lookup_order", "{\"orderId\":\"" + m.group() + "\"}");
      }
      JsonNode order = t.json("lookup_order");
      if (order == null) {
        // The tool rejected the id as written: retry in the documented format.
        return t.calls("lookup_order") < 2
            ? Reply.toolCall("lookup_order", "{\"orderId\":\"ORD-" + m.group(2) + "\"}")
            : Reply.text("Sorry, I could not find that order. Please check the order id in your confirmation mail.");
      }
      return Reply.text(orderStatus(order));
    }
    if (q.contains("how do i") && q.contains("return")) {
      return Reply.text("Open the order in your account, choose Return items and print the prepaid label, "
          + "then drop the parcel at any carrier point. The refund reaches your original payment method "
          + "within 5 business days after the headphones arrive at our warehouse.");
    }
    if (q.contains("return") || q.contains("refund")) {
      if (!t.called("search_refund_policy")) {
        // Like a real model, it searches with its own words rather than the customer's.
        return Reply.toolCall("search_refund_policy", "{\"query\":\"return window for electronics such as headphones\"}");
      }
      return Reply.text("Yes: electronics can be returned within 30 days of delivery, so your headphones "
          + "still qualify if they are complete and undamaged. You get a full refund.");
    }
    if (q.contains("compare") && q.contains("shipping")) {
      return Reply.text("Here is a full comparison of our two shipping options to Canada. Standard shipping "
          + "costs 9.90 USD, travels by economy air mail with tracking at each hand-over, and takes five to eight "
          + "business days from dispatch; customs duties are collected by the carrier at the door. Express "
          + "shipping costs 29.90 USD, travels with a courier on the next flight, takes two business days, "
          + "includes insurance up to 500 USD and door-to-door tracking; we pay the duties in advance so the "
          + "recipient pays nothing on delivery. For a gift, express also lets you choose a delivery day and "
          + "add a printed message, and standard parcels can be held at a pick-up point if nobody is home.");
    }
    if (q.contains("gift wrapping")) {
      return Reply.text("Yes! Gift wrapping costs 4.90 USD per parcel: choose it at checkout, and we leave "
          + "the prices off the packing slip.");
    }
    if (q.contains("card") && q.contains("message")) {
      return Reply.text("Of course. Add your message at checkout, up to 300 characters; we print it on a "
          + "recycled-paper card that comes free with gift wrapping.");
    }
    if (q.contains("friday")) {
      return Reply.text("Express: it arrives in two business days, well before Friday. Standard takes five "
          + "to eight business days to Canada.");
    }
    return Reply.text("I can help with orders, deliveries, returns and refunds. What would you like to know?");
  }

  private static String orderStatus(JsonNode o) {
    String id = o.path("orderId").asText();
    String carrier = o.path("carrier").asText();
    String city = o.path("destination").asText();
    String eta = o.path("expectedDelivery").asText();
    return switch (o.path("status").asText()) {
      case "shipped" -> "Your order " + id + " has shipped with " + carrier + " and should arrive in " + city
          + " on " + eta + ".";
      case "packed" -> "Your order " + id + " is packed and leaves our warehouse today with " + carrier
          + "; expect it in " + city + " on " + eta + ".";
      default -> "Your order " + id + " is " + o.path("status").asText() + ".";
    };
  }

  /** A text longer than the request's token limit comes back cut off, as a provider does. */
  private static Reply capped(Reply reply, int maxTokens) {
    if (maxTokens <= 0 || reply.kind() != Reply.Kind.TEXT || reply.text().length() <= maxTokens * 4) {
      return reply;
    }
    String cut = reply.text().substring(0, maxTokens * 4);
    return Reply.truncated(cut.substring(0, Math.max(cut.lastIndexOf(' '), 1)));
  }

  private static int maxTokens(JsonNode body) {
    return body.path("max_completion_tokens").asInt(body.path("max_tokens").asInt(0));
  }

  /**
   * The conversation since the customer's last message: the question and what each tool
   * answered, in the OpenAI chat format (tool messages name their call, the assistant message
   * before them names the tool).
   */
  record Turn(String question, List<Map.Entry<String, String>> toolResults) {
    static Turn of(JsonNode body) {
      String question = "";
      List<Map.Entry<String, String>> results = new ArrayList<>();
      Map<String, String> toolByCallId = new HashMap<>();
      for (JsonNode m : body.path("messages")) {
        switch (m.path("role").asText()) {
          case "user" -> {
            question = text(m.path("content"));
            results.clear();
          }
          case "assistant" -> m.path("tool_calls").forEach(c ->
              toolByCallId.put(c.path("id").asText(), c.path("function").path("name").asText()));
          case "tool" -> results.add(Map.entry(
              toolByCallId.getOrDefault(m.path("tool_call_id").asText(), ""), text(m.path("content"))));
          default -> { }
        }
      }
      return new Turn(question, List.copyOf(results));
    }

    boolean called(String tool) {
      return calls(tool) > 0;
    }

    int calls(String tool) {
      return (int) toolResults.stream().filter(r -> r.getKey().equals(tool)).count();
    }

    /** The last result of {@code tool} as JSON, or null when it was an error message. */
    JsonNode json(String tool) {
      String last = null;
      for (Map.Entry<String, String> r : toolResults) {
        if (r.getKey().equals(tool)) {
          last = r.getValue();
        }
      }
      try {
        JsonNode node = last == null ? null : JSON.readTree(last);
        return node != null && node.isContainerNode() ? node : null;
      } catch (IOException notJson) {
        return null;
      }
    }

    private static String text(JsonNode content) {
      if (content.isTextual()) {
        return content.asText();
      }
      StringBuilder sb = new StringBuilder();
      content.forEach(part -> sb.append(part.path("text").asText()));
      return sb.toString();
    }
  }
}
