package io.sightline.examples.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The agent's tools. A tool that throws is reported to the model as an error result by
 * LangChain4j (and traced as a failed {@code execute_tool} span), so the model can correct its
 * call or tell the customer.
 */
final class SupportTools {
  private static final Pattern ORDER_ID = Pattern.compile("ORD-\\d{4}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The order book of the demo shop. */
  private static final Map<String, Map<String, String>> ORDERS = Map.of(
      "ORD-1234", order("shipped", "DHL", "Berlin", "Thursday"),
      "ORD-5678", order("packed", "UPS", "Hamburg", "Monday"));

  private final PolicyRetriever policies;
  private final WeatherService weather;

  SupportTools(PolicyRetriever policies, WeatherService weather) {
    this.policies = policies;
    this.weather = weather;
  }

  @Tool(name = "lookup_order", value = "Status, carrier, destination and expected delivery day of an order")
  String lookupOrder(@P("the order id, for example ORD-1234") String orderId) {
    if (!ORDER_ID.matcher(orderId).matches()) {
      throw new IllegalArgumentException("invalid order id '" + orderId + "': order ids look like ORD-1234");
    }
    Map<String, String> order = ORDERS.get(orderId);
    if (order == null) {
      throw new IllegalArgumentException("no order " + orderId);
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put("orderId", orderId);
    out.putAll(order);
    return json(out);
  }

  @Tool(name = "get_weather", value = "Current weather and storm warnings for a city, to judge delivery delays")
  String getWeather(@P("the city") String city) {
    return weather.current(city);
  }

  @Tool(name = "search_refund_policy", value = "Searches the return and refund policy; returns the most relevant passages")
  String searchRefundPolicy(@P("what to look for") String query) {
    return json(policies.search(query, 2));
  }

  private static Map<String, String> order(String status, String carrier, String city, String eta) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("status", status);
    o.put("carrier", carrier);
    o.put("destination", city);
    o.put("expectedDelivery", eta);
    return o;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
