package io.sightline.extension.agent;

import com.google.auto.service.AutoService;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * Wires the extension into the agent's SDK: turns the upstream openai-java instrumentation off by
 * default (so each call has exactly one inference span; {@code -Dotel.instrumentation.openai-java.enabled=true}
 * keeps it) and adds the GenAI span processor (session/user from baggage, cost, redaction).
 */
@AutoService(AutoConfigurationCustomizerProvider.class)
public final class SightlineAutoConfiguration implements AutoConfigurationCustomizerProvider {
  @Override
  public void customize(AutoConfigurationCustomizer customizer) {
    customizer.addPropertiesSupplier(() -> {
      Map<String, String> defaults = new HashMap<>();
      defaults.put("otel.instrumentation.openai-java.enabled", "false");
      // The upstream Spring AI module (not released in 2.31) would duplicate ours in the same way.
      defaults.put("otel.instrumentation.spring-ai.enabled", "false");
      return defaults;
    });
    customizer.addTracerProviderCustomizer((builder, config) -> {
      ExtensionSettings settings = new ExtensionSettings(config);
      return builder.addSpanProcessor(new GenAiSpanProcessor(
          settings, settings.costEnabled ? CostEnricher.fromBundledCatalogue() : null,
          ContentRedaction.fromConfig(config)));
    });
  }
}
