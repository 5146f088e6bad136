package io.sightline.genai.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prices token usage without counting cached or reasoning tokens twice.
 *
 * <pre>
 * cost = ( (input − cacheRead − cacheWrite) · inputPrice
 *        + cacheRead · cacheReadPrice + cacheWrite · cacheWritePrice
 *        + (output − reasoning) · outputPrice + reasoning · reasoningPrice ) / 1 000 000
 * </pre>
 *
 * exact in {@link BigDecimal}, then rounded HALF_EVEN to scale 9 (USD). OTel counts input
 * inclusive of cache tokens and output inclusive of reasoning. Some producers report them
 * exclusive (raw Anthropic usage, Langfuse); when {@code cacheRead + cacheWrite > input} the input
 * count is taken as exclusive (nothing is subtracted), and likewise when
 * {@code reasoning > output}. Exclusive counts that happen to be consistent with inclusive ones
 * cannot be told apart and are priced as inclusive.
 */
public final class CostCalculator {
  private static final int SCALE = 9;

  private CostCalculator() {}

  /** The cost of {@code usage} at {@code price}; {@code null} when either is {@code null}. */
  public static BigDecimal cost(ModelPrice price, Usage usage) {
    if (price == null || usage == null) {
      return null;
    }
    long cached = usage.cacheReadTokens() + usage.cacheWriteTokens();
    long plainInput = cached > usage.inputTokens()
        ? usage.inputTokens() : usage.inputTokens() - cached;
    long plainOutput = usage.reasoningTokens() > usage.outputTokens()
        ? usage.outputTokens() : usage.outputTokens() - usage.reasoningTokens();
    BigDecimal perMillion = price.inputPerMillion().multiply(BigDecimal.valueOf(plainInput))
        .add(price.cacheReadPerMillion().multiply(BigDecimal.valueOf(usage.cacheReadTokens())))
        .add(price.cacheWritePerMillion().multiply(BigDecimal.valueOf(usage.cacheWriteTokens())))
        .add(price.outputPerMillion().multiply(BigDecimal.valueOf(plainOutput)))
        .add(price.reasoningPerMillion().multiply(BigDecimal.valueOf(usage.reasoningTokens())));
    return perMillion.movePointLeft(6).setScale(SCALE, RoundingMode.HALF_EVEN);
  }

  /**
   * Prices a call: looks up {@code responseModel} first (what actually answered, often a dated
   * snapshot), then {@code requestModel}. Either may be {@code null}. The result's cost is
   * {@code null} when neither name is priced at {@code epochMillis}.
   */
  public static CostResult compute(PriceCatalog catalog, String provider, String requestModel,
      String responseModel, long epochMillis, Usage usage) {
    if (catalog == null) {
      throw new NullPointerException("catalog == null");
    }
    if (usage == null) {
      throw new NullPointerException("usage == null");
    }
    String[] candidates = {responseModel, requestModel};
    for (String model : candidates) {
      ModelPrice price = catalog.find(provider, model, epochMillis);
      if (price != null) {
        return CostResult.of(cost(price, usage), price, model);
      }
    }
    return CostResult.unknown();
  }
}
