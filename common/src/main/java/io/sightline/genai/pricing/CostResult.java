package io.sightline.genai.pricing;

import java.math.BigDecimal;

/**
 * The outcome of pricing one call: the cost in USD (scale 9), the catalogue row used and the
 * model name that matched it — or all three {@code null} when the model is not priced.
 */
public final class CostResult {
  private static final CostResult UNKNOWN = new CostResult(null, null, null);

  private final BigDecimal cost;
  private final ModelPrice price;
  private final String matchedModel;

  private CostResult(BigDecimal cost, ModelPrice price, String matchedModel) {
    this.cost = cost;
    this.price = price;
    this.matchedModel = matchedModel;
  }

  static CostResult of(BigDecimal cost, ModelPrice price, String matchedModel) {
    return new CostResult(cost, price, matchedModel);
  }

  static CostResult unknown() {
    return UNKNOWN;
  }

  /** USD, scale 9; {@code null} when the model has no price (unknown, never 0). */
  public BigDecimal cost() {
    return cost;
  }

  /** The catalogue row used, or {@code null}. */
  public ModelPrice price() {
    return price;
  }

  /** The model name as given (response or request model) that matched, or {@code null}. */
  public String matchedModel() {
    return matchedModel;
  }

  public boolean isKnown() {
    return cost != null;
  }

  @Override
  public String toString() {
    return cost == null ? "CostResult{unknown}"
        : "CostResult{" + cost + " USD, model=" + matchedModel + ", price=" + price + "}";
  }
}
