package io.sightline.extension.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilteringBaggagePropagatorTest {
  private static final TextMapSetter<Map<String, String>> SETTER = Map::put;

  private static Map<String, String> inject(Baggage baggage, Set<String> localOnly) {
    Map<String, String> headers = new HashMap<>();
    new FilteringBaggagePropagator(W3CBaggagePropagator.getInstance(), localOnly)
        .inject(Context.root().with(baggage), headers, SETTER);
    return headers;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "session.id=s-1,user.id=u-1,team=a | team=a",
      "session.id=s-1                    | ",
      "team=a                            | team=a"})
  void inject_dropsLocalOnlyKeys(String entries, String expected) {
    var builder = Baggage.builder();
    for (String entry : entries.split(",")) {
      String[] kv = entry.split("=");
      builder.put(kv[0], kv[1]);
    }

    assertThat(inject(builder.build(), Set.of("session.id", "user.id")).get("baggage")).isEqualTo(expected);
  }

  @Test
  void provider_filtersTheConfiguredSessionAndUserKeysByDefault() {
    var propagator = new BaggageFilteringPropagatorProvider()
        .getPropagator(DefaultConfigProperties.createFromMap(Map.of("otel.instrumentation.sightline.user.baggage-key", "uid")));
    Map<String, String> headers = new HashMap<>();

    propagator.inject(Context.root().with(Baggage.builder().put("session.id", "s").put("uid", "u").put("x", "1").build()),
        headers, SETTER);

    assertThat(headers).containsEntry("baggage", "x=1");
  }
}
