package io.sightline.extension.agent;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.sightline.config.Setting;
import io.sightline.config.Settings;
import io.sightline.genai.redact.RedactionSettings;
import io.sightline.genai.redact.Redactor;
import java.util.HashMap;
import java.util.Map;

/**
 * Redacts captured content before export with the server's detectors (the bundled, relocated
 * {@code io.sightline.genai.redact.Redactor}). Configured by the server's redaction settings under
 * the agent prefix: {@code sightline.redaction.mode} is read as
 * {@code otel.instrumentation.sightline.redaction.mode}, and so on.
 */
final class ContentRedaction {
  static final String PREFIX = "otel.instrumentation.";

  private final Redactor redactor;

  ContentRedaction(Redactor redactor) {
    this.redactor = redactor;
  }

  static ContentRedaction fromConfig(ConfigProperties config) {
    Map<String, String> values = new HashMap<>();
    for (Setting setting : RedactionSettings.ALL) {
      String value = config.getString(PREFIX + setting.property());
      if (value != null) {
        values.put(setting.property(), value);
      }
    }
    return new ContentRedaction(RedactionSettings.fromSettings(Settings.of(values)));
  }

  boolean isEnabled() {
    return redactor.isEnabled();
  }

  String redact(String text) {
    return redactor.redact(text).text();
  }
}
