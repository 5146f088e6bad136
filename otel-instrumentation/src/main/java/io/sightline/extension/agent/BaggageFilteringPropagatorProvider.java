package io.sightline.extension.agent;

import com.google.auto.service.AutoService;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurablePropagatorProvider;

/**
 * {@code otel.propagators=tracecontext,baggage-filtered}: W3C baggage that keeps the session and
 * user keys (or {@code otel.instrumentation.sightline.baggage.filtered-keys}) inside the process, so
 * they reach GenAI spans but never the LLM provider's (or anyone's) HTTP headers.
 */
@AutoService(ConfigurablePropagatorProvider.class)
public final class BaggageFilteringPropagatorProvider implements ConfigurablePropagatorProvider {
  @Override
  public TextMapPropagator getPropagator(ConfigProperties config) {
    return new FilteringBaggagePropagator(W3CBaggagePropagator.getInstance(), ExtensionSettings.filteredKeys(config));
  }

  @Override
  public String getName() {
    return "baggage-filtered";
  }
}
