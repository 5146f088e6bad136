package io.sightline.extension.agent;

import static io.sightline.extension.genai.GenAiAttributes.*;

import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.sightline.genai.pricing.CostCalculator;
import io.sightline.genai.pricing.CostResult;
import io.sightline.genai.pricing.PriceCatalog;
import io.sightline.genai.pricing.Usage;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * Prices a finished GenAI span from its usage attributes with the catalogue the server uses
 * (bundled, relocated). Unknown models get no cost attribute at all, never 0. Works for any GenAI
 * span the agent produces, including upstream ones (Bedrock).
 */
final class CostEnricher {
  private final PriceCatalog catalog;

  CostEnricher(PriceCatalog catalog) {
    this.catalog = catalog;
  }

  static CostEnricher fromBundledCatalogue() {
    return new CostEnricher(PriceCatalog.loadDefault());
  }

  /** The cost of the span's usage in USD, or null when the model is not priced or usage is missing. */
  Double cost(ReadWriteSpan span, long endEpochNanos) {
    Long input = span.getAttribute(USAGE_INPUT_TOKENS);
    Long output = span.getAttribute(USAGE_OUTPUT_TOKENS);
    if (input == null && output == null) {
      return null;
    }
    Usage usage = Usage.builder()
        .inputTokens(orZero(input))
        .outputTokens(orZero(output))
        .cacheReadTokens(orZero(span.getAttribute(USAGE_CACHE_READ_INPUT_TOKENS)))
        .cacheWriteTokens(orZero(span.getAttribute(USAGE_CACHE_CREATION_INPUT_TOKENS)))
        .reasoningTokens(orZero(span.getAttribute(USAGE_REASONING_OUTPUT_TOKENS)))
        .build();
    CostResult result = CostCalculator.compute(catalog, span.getAttribute(PROVIDER_NAME),
        span.getAttribute(REQUEST_MODEL), span.getAttribute(RESPONSE_MODEL),
        TimeUnit.NANOSECONDS.toMillis(endEpochNanos), usage);
    BigDecimal cost = result.cost();
    return cost == null ? null : cost.doubleValue();
  }

  private static long orZero(Long value) {
    return value == null ? 0L : value;
  }
}
