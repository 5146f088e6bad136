package io.sightline.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupportToolsTest {
  private final SupportTools tools = new SupportTools(new PolicyRetriever(), new WeatherService());

  @Test
  void lookupOrder_knownId_answersItsStatusAsJson() {
    assertThat(tools.lookupOrder("ORD-1234")).isEqualTo(
        "{\"orderId\":\"ORD-1234\",\"status\":\"shipped\",\"carrier\":\"DHL\",\"destination\":\"Berlin\","
            + "\"expectedDelivery\":\"Thursday\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234", "ord-1234", "ORD-12345", ""})
  void lookupOrder_malformedId_failsNamingTheFormat(String id) {
    assertThatThrownBy(() -> tools.lookupOrder(id)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + id + "'").hasMessageContaining("ORD-1234");
  }

  @Test
  void lookupOrder_unknownId_failsNamingIt() {
    assertThatThrownBy(() -> tools.lookupOrder("ORD-0000")).hasMessage("no order ORD-0000");
  }

  @Test
  void getWeather_serviceIsDown_fails() {
    assertThatThrownBy(() -> tools.getWeather("Berlin")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HTTP 503").hasMessageContaining("Berlin");
  }

  @Test
  void searchRefundPolicy_returnsThePassagesAsJson() {
    assertThat(tools.searchRefundPolicy("return window for electronics such as headphones"))
        .startsWith("[{\"id\":\"returns-30-days\",\"text\":\"Most items, electronics included");
  }
}
