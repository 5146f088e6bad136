package io.sightline.extension.agent;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Agent-side settings, read from the agent's configuration (system properties, environment,
 * configuration file). docs/java-agent.md has the full table, including the helper-side settings
 * in {@code io.sightline.extension.genai.HelperConfig}.
 */
final class ExtensionSettings {
  static final String SESSION_BAGGAGE_KEY = "otel.instrumentation.sightline.session.baggage-key";
  static final String USER_BAGGAGE_KEY = "otel.instrumentation.sightline.user.baggage-key";
  static final String FILTERED_BAGGAGE_KEYS = "otel.instrumentation.sightline.baggage.filtered-keys";
  static final String COST_ENABLED = "otel.instrumentation.sightline.cost.enabled";

  final String sessionBaggageKey;
  final String userBaggageKey;
  final boolean costEnabled;

  ExtensionSettings(ConfigProperties config) {
    sessionBaggageKey = blankToNull(config.getString(SESSION_BAGGAGE_KEY, "session.id"));
    userBaggageKey = blankToNull(config.getString(USER_BAGGAGE_KEY, "user.id"));
    costEnabled = config.getBoolean(COST_ENABLED, true);
  }

  /** Baggage keys the {@code baggage-filtered} propagator keeps off outgoing requests. */
  static Set<String> filteredKeys(ConfigProperties config) {
    List<String> defaults = new ArrayList<>();
    for (String key : Arrays.asList(
        config.getString(SESSION_BAGGAGE_KEY, "session.id"), config.getString(USER_BAGGAGE_KEY, "user.id"))) {
      if (blankToNull(key) != null) {
        defaults.add(key.trim());
      }
    }
    return new LinkedHashSet<>(config.getList(FILTERED_BAGGAGE_KEYS, defaults));
  }

  private static String blankToNull(String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }
}
