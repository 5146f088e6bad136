package io.sightline.query.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A half-open time window {@code [from, to)} checked against the configured limits. */
public record TimeRange(Instant from, Instant to) {

  /**
   * Reads {@code from} and {@code to}; {@code to} defaults to now and {@code from} to
   * {@code to - defaultSpan}. Fails naming the parameter when the window is empty, reversed or
   * longer than {@code maxSpan}.
   */
  public static TimeRange read(Params p, InstantSource clock, Duration defaultSpan, Duration maxSpan) {
    Instant to = p.instant("to");
    Instant from = p.instant("from");
    if (to == null) {
      to = clock.instant();
    }
    if (from == null) {
      from = to.minus(defaultSpan);
    }
    if (!from.isBefore(to)) {
      throw ApiException.badParameter("from", "must be before to (" + from + " >= " + to + ")");
    }
    if (Duration.between(from, to).compareTo(maxSpan) > 0) {
      throw ApiException.badParameter("from", "the range from..to is longer than the maximum "
          + maxSpan.toDays() + "d");
    }
    return new TimeRange(from, to);
  }

  public Duration span() {
    return Duration.between(from, to);
  }
}
