package io.sightline.extension.agent;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;
import java.util.Set;

/** Injects baggage without the local-only keys; extraction is unchanged. */
final class FilteringBaggagePropagator implements TextMapPropagator {
  private final TextMapPropagator delegate;
  private final Set<String> localOnlyKeys;

  FilteringBaggagePropagator(TextMapPropagator delegate, Set<String> localOnlyKeys) {
    this.delegate = delegate;
    this.localOnlyKeys = localOnlyKeys;
  }

  @Override
  public Collection<String> fields() {
    return delegate.fields();
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    Baggage baggage = Baggage.fromContext(context);
    boolean hasLocalOnly = false;
    for (String key : localOnlyKeys) {
      if (baggage.getEntryValue(key) != null) {
        hasLocalOnly = true;
        break;
      }
    }
    if (!hasLocalOnly) {
      delegate.inject(context, carrier, setter);
      return;
    }
    BaggageBuilder kept = baggage.toBuilder();
    for (String key : localOnlyKeys) {
      kept.remove(key);
    }
    delegate.inject(context.with(kept.build()), carrier, setter);
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    return delegate.extract(context, carrier, getter);
  }

  @Override
  public String toString() {
    return "FilteringBaggagePropagator{localOnly=" + localOnlyKeys + "}";
  }
}
