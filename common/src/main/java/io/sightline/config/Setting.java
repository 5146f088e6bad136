package io.sightline.config;

import java.util.Locale;

/**
 * One documented configuration setting, following OpenTelemetry's habits: a {@code -D} system
 * property ({@code sightline.clickhouse.url}) and the environment variable derived from it
 * ({@code SIGHTLINE_CLICKHOUSE_URL}), a default, and a one-line meaning that {@code --help} and
 * docs/configuration.md show.
 */
public final class Setting {
  private final String property;
  private final String defaultValue;
  private final String description;

  private Setting(String property, String defaultValue, String description) {
    if (property == null || !property.matches("[a-z][a-z0-9]*(\\.[a-z0-9-]+)+")) {
      throw new IllegalArgumentException("invalid setting name: " + property);
    }
    this.property = property;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** A setting with a default ({@code null} when unset means "off" or "derived"). */
  public static Setting of(String property, String defaultValue, String description) {
    return new Setting(property, defaultValue, description);
  }

  /** The system property name, e.g. {@code sightline.otlp.grpc.port}. */
  public String property() {
    return property;
  }

  /** The environment variable name, e.g. {@code SIGHTLINE_OTLP_GRPC_PORT}. */
  public String env() {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The default value as text, or {@code null} when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return property;
  }
}
