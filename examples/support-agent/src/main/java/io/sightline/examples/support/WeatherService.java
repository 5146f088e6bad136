package io.sightline.examples.support;

/**
 * The weather backend the agent consults about delivery delays. In the demo it is down, so the
 * agent meets a tool failure it cannot recover from.
 */
final class WeatherService {
  String current(String city) {
    throw new IllegalStateException("weather service unavailable (HTTP 503) for " + city);
  }
}
