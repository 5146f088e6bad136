package io.sightline.query.spans;

import java.math.BigDecimal;

/**
 * A cost total that keeps "unknown" apart from zero: {@code sum} adds the priced calls,
 * {@code unpricedCalls} counts model calls without a price. {@link #usd()} is null only when
 * nothing was priced and something was not.
 */
public record Cost(BigDecimal sum, long pricedCalls, long unpricedCalls) {
  public static final Cost NONE = new Cost(BigDecimal.ZERO, 0, 0);

  public static Cost of(Span s) {
    if (s.usageIsRollup()) {
      return NONE;
    }
    if (s.costUsd() != null) {
      return new Cost(s.costUsd(), 1, 0);
    }
    return s.isModelCall() ? new Cost(BigDecimal.ZERO, 0, 1) : NONE;
  }

  public Cost plus(Cost o) {
    return new Cost(sum.add(o.sum), pricedCalls + o.pricedCalls, unpricedCalls + o.unpricedCalls);
  }

  /** Dollars, or null when no call was priced and some were not. */
  public BigDecimal usd() {
    return pricedCalls == 0 && unpricedCalls > 0 ? null : sum.stripTrailingZeros();
  }

  /** Plain-number dollars for comparisons (unknown counts as 0). */
  public double dollars() {
    return sum.doubleValue();
  }
}
