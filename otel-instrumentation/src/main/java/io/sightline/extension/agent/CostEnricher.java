package io.sightline.extension.agent;

import static io.sightline.extension.genai.GenAiAttributes.*;

import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.sightline.genai.pricing.CostCalculator;
import io.sightline.genai.pricing.ModelPrice;
import io.sightline.genai.pricing.PriceCatalog;
import io.sightline.genai.pricing.Usage;
import java.math.BigDecimal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Prices a finished GenAI span from its usage attributes with the catalogue the server uses
 * (bundled, relocated). Unknown models get no cost attribute at all, never 0. Works for any GenAI
 * span the agent produces, including upstream ones (Bedrock).
 *
 * <p>Lookups are cached per provider, models and day (prices change on dates): an application
 * uses a handful of models, and the catalogue search is the costly part of pricing a span.
 */
final class CostEnricher {
  private static final int MAX_CACHED = 1024;
  private static final ModelPrice UNKNOWN = null;

  private final PriceCatalog catalog;
  private final ConcurrentHashMap<String, Object> prices = new ConcurrentHashMap<>();

  CostEnricher(PriceCatalog catalog) {
    this.catalog = catalog;
  }

  static CostEnricher fromBundledCatalogue() {
    return new CostEnricher(PriceCatalog.loadDefault());
  }

  /** The cost of the span's usage in USD, or null when the model is not priced or usage is missing. */
  Double cost(ReadWriteSpan span, long epochMillis) {
    Long input = span.getAttribute(USAGE_INPUT_TOKENS);
    Long output = span.getAttribute(USAGE_OUTPUT_TOKENS);
    if (input == null && output == null) {
      return null;
    }
    ModelPrice price = price(span.getAttribute(PROVIDER_NAME), span.getAttribute(REQUEST_MODEL),
        span.getAttribute(RESPONSE_MODEL), epochMillis);
    if (price == UNKNOWN) {
      return null;
    }
    Usage usage = Usage.builder()
        .inputTokens(orZero(input))
        .outputTokens(orZero(output))
        .cacheReadTokens(orZero(span.getAttribute(USAGE_CACHE_READ_INPUT_TOKENS)))
        .cacheWriteTokens(orZero(span.getAttribute(USAGE_CACHE_CREATION_INPUT_TOKENS)))
        .reasoningTokens(orZero(span.getAttribute(USAGE_REASONING_OUTPUT_TOKENS)))
        .build();
    BigDecimal cost = CostCalculator.cost(price, usage);
    return cost == null ? null : cost.doubleValue();
  }

  /** The response model (what answered, often a dated snapshot) first, then the request model. */
  private ModelPrice price(String provider, String requestModel, String responseModel, long epochMillis) {
    String key = provider + '\u0000' + requestModel + '\u0000' + responseModel + '\u0000'
        + TimeUnit.MILLISECONDS.toDays(epochMillis);
    Object cached = prices.get(key);
    if (cached == null) {
      ModelPrice found = responseModel == null ? null : catalog.find(provider, responseModel, epochMillis);
      if (found == null && requestModel != null) {
        found = catalog.find(provider, requestModel, epochMillis);
      }
      cached = found == null ? Boolean.FALSE : found;
      if (prices.size() >= MAX_CACHED) {
        // Keys carry the day, so old days pile up: start afresh rather than stop caching.
        prices.clear();
      }
      prices.put(key, cached);
    }
    return cached instanceof ModelPrice ? (ModelPrice) cached : UNKNOWN;
  }

  private static long orZero(Long value) {
    return value == null ? 0L : value;
  }
}
