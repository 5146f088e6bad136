package io.sightline.examples.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keyword retrieval over the shop's return and refund policy. It traces itself the way the
 * OpenTelemetry GenAI conventions describe a retrieval ({@code gen_ai.operation.name=retrieval},
 * the query and the documents returned), which is how any in-house retriever becomes a retrieval
 * step in Sightline.
 */
final class PolicyRetriever {
  record Passage(String id, String text) {}

  private static final List<Passage> POLICY = List.of(
      new Passage("returns-30-days", "Most items, electronics included, can be returned within 30 days of delivery "
          + "for a full refund, if they are complete and undamaged."),
      new Passage("returns-how", "To start a return, open the order in your account, choose Return items and print "
          + "the prepaid label; drop the parcel at any carrier point."),
      new Passage("refund-timing", "Refunds are paid to the original payment method within 5 business days after "
          + "the returned item arrives at our warehouse."),
      new Passage("final-sale", "Gift cards, opened software and personalised items are final sale and cannot be "
          + "returned."),
      new Passage("damaged", "Items that arrive damaged are replaced or refunded at no cost; report them within "
          + "48 hours with a photo."));
  private static final Set<String> STOP_WORDS = Set.of("the", "and", "can", "for", "you", "bought", "still", "ago",
      "days", "how", "what", "with", "our", "are", "does");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Tracer tracer = GlobalOpenTelemetry.getTracer("io.sightline.examples.support");

  /** The {@code limit} passages sharing most words with the query, best first. */
  List<Passage> search(String query, int limit) {
    Span span = tracer.spanBuilder("retrieval refund-policy")
        .setAttribute("gen_ai.operation.name", "retrieval")
        .setAttribute("gen_ai.data_source.id", "refund-policy")
        .setAttribute("gen_ai.retrieval.query.text", query)
        .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      Set<String> terms = words(query);
      List<Map.Entry<Passage, Long>> ranked = POLICY.stream()
          .map(p -> Map.entry(p, words(p.text()).stream().filter(terms::contains).count()))
          .filter(e -> e.getValue() > 0)
          .sorted(Map.Entry.<Passage, Long>comparingByValue(Comparator.reverseOrder()))
          .limit(limit)
          .toList();
      span.setAttribute("gen_ai.retrieval.documents", documents(ranked, terms.size()));
      return ranked.stream().map(Map.Entry::getKey).toList();
    } finally {
      span.end();
    }
  }

  /** Lower-cased words without stop words, crudely stemmed: "returned", "returns" → "return". */
  static Set<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
        .filter(w -> w.length() >= 3 && !STOP_WORDS.contains(w))
        .map(w -> w.replaceFirst("(?<=...)(ing|ed|es|e|s)$", ""))
        .collect(Collectors.toSet());
  }

  private static String documents(List<Map.Entry<Passage, Long>> ranked, int terms) {
    List<Map<String, Object>> docs = ranked.stream().map(e -> {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", e.getKey().id());
      d.put("content", e.getKey().text());
      d.put("score", terms == 0 ? 0.0 : Math.round(100.0 * e.getValue() / terms) / 100.0);
      return d;
    }).toList();
    try {
      return JSON.writeValueAsString(docs);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
