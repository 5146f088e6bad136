package io.sightline.query.internal;

import java.time.Duration;

/** Request limits shared by every endpoint, from settings. */
public record ApiLimits(int defaultPageSize, int maxPageSize, Duration defaultRange,
    Duration maxRange, int maxTimeseriesPoints, int maxSeries, int maxSpansPerRead) {

  public ApiLimits {
    if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
      throw new IllegalArgumentException("default page size must be between 1 and the maximum "
          + maxPageSize + ", got " + defaultPageSize);
    }
  }
}
