package io.sightline.genai.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CostCalculatorTest {
  private static final PriceCatalog CATALOG = PriceCatalogTest.catalog(
      "anthropic,claude-sonnet-4,2025-05-22,3.00,15.00,0.30,3.75,\n"
          + "openai,o3,2025-06-10,2.00,8.00,0.50,,20.00\n"
          + "openai,gpt-4o-2024-05-13,2024-05-13,5.00,15.00,,,\n"
          + "openai,gpt-4o,2024-08-06,2.50,10.00,1.25,,\n"
          + "openai,tiny,2024-01-01,0.0005,0,,,\n");
  private static final long NOW = Instant.parse("2026-11-27T00:00:00Z").toEpochMilli();

  static ModelPrice price(String model) {
    return CATALOG.find("", model, NOW);
  }

  static Usage usage(long input, long output, long cacheRead, long cacheWrite, long reasoning) {
    return Usage.builder().inputTokens(input).outputTokens(output).cacheReadTokens(cacheRead)
        .cacheWriteTokens(cacheWrite).reasoningTokens(reasoning).build();
  }

  static Stream<Arguments> costs() {
    return Stream.of(
        // 1000·3 + 500·15 = 10 500 per million
        Arguments.argumentSet("input and output", "claude-sonnet-4", usage(1000, 500, 0, 0, 0),
            "0.010500000"),
        // (10000−6000−2000)·3 + 6000·0.30 + 2000·3.75 + (1000−400)·15 + 400·15 = 30 300
        Arguments.argumentSet("cache read and write inside input, reasoning inside output",
            "claude-sonnet-4", usage(10_000, 1_000, 6_000, 2_000, 400), "0.030300000"),
        // input 2000 < 6000+2000: input is taken as exclusive, same bill as above
        Arguments.argumentSet("exclusive input guard", "claude-sonnet-4",
            usage(2_000, 1_000, 6_000, 2_000, 400), "0.030300000"),
        // output 300 < reasoning 400: output taken as exclusive: 300·15 + 400·15 + 1000·3
        Arguments.argumentSet("exclusive output guard", "claude-sonnet-4",
            usage(1_000, 300, 0, 0, 400), "0.013500000"),
        // (1000−200)·2 + 200·0.5 + (5000−4000)·8 + 4000·20 = 1600 + 100 + 8000 + 80000
        Arguments.argumentSet("own reasoning price", "o3", usage(1_000, 5_000, 200, 0, 4_000),
            "0.089700000"),
        // no cache_write price: write billed as input: (1000−500)·2.5 + 500·2.5 + 100·10
        Arguments.argumentSet("cache write falls back to input", "gpt-4o",
            usage(1_000, 100, 0, 500, 0), "0.003500000"),
        Arguments.argumentSet("zero usage", "gpt-4o", usage(0, 0, 0, 0, 0), "0.000000000"),
        // 1 token at 0.0005/M = 0.0000000005: half-even rounds to 0; 3 tokens 0.0000000015 → 2e-9
        Arguments.argumentSet("half-even at 9 decimals, down", "tiny", usage(1, 0, 0, 0, 0),
            "0.000000000"),
        Arguments.argumentSet("half-even at 9 decimals, up", "tiny", usage(3, 0, 0, 0, 0),
            "0.000000002"),
        Arguments.argumentSet("large counts stay exact", "claude-sonnet-4",
            usage(2_000_000_000L, 1_000_000_000L, 0, 0, 0), "21000.000000000"));
  }

  @ParameterizedTest
  @MethodSource("costs")
  void cost_usage_isPerMillionSumWithoutDoubleCounting(String model, Usage usage,
      String expected) {
    BigDecimal cost = CostCalculator.cost(price(model), usage);

    assertThat(cost).isEqualTo(new BigDecimal(expected));
    assertThat(cost.scale()).isEqualTo(9);
  }

  @Test
  void cost_noPrice_isNullNotZero() {
    assertThat(CostCalculator.cost(null, usage(1, 1, 0, 0, 0))).isNull();
  }

  @Test
  void compute_responseModelIsDatedSnapshot_prefersResponseModel() {
    long may2024 = Instant.parse("2024-06-01T00:00:00Z").toEpochMilli();

    CostResult r = CostCalculator.compute(CATALOG, "openai", "gpt-4o", "gpt-4o-2024-05-13",
        may2024, usage(1_000_000, 0, 0, 0, 0));

    assertThat(r.cost()).isEqualTo(new BigDecimal("5.000000000"));
    assertThat(r.matchedModel()).isEqualTo("gpt-4o-2024-05-13");
    assertThat(r.price().pattern()).isEqualTo("gpt-4o-2024-05-13");
    assertThat(r.isKnown()).isTrue();
  }

  @Test
  void compute_responseModelUnknown_usesRequestModel() {
    CostResult r = CostCalculator.compute(CATALOG, "openai", "gpt-4o", "my-deployment-7", NOW,
        usage(1_000_000, 0, 0, 0, 0));

    assertThat(r.cost()).isEqualTo(new BigDecimal("2.500000000"));
    assertThat(r.matchedModel()).isEqualTo("gpt-4o");
  }

  @Test
  void compute_requestModelIsDeploymentName_usesResponseModel() {
    CostResult r = CostCalculator.compute(CATALOG, "azure.ai.openai", "prod-chat",
        "gpt-4o-2024-08-06", NOW, usage(0, 1_000_000, 0, 0, 0));

    assertThat(r.cost()).isEqualTo(new BigDecimal("10.000000000"));
    assertThat(r.matchedModel()).isEqualTo("gpt-4o-2024-08-06");
  }

  @Test
  void compute_neitherModelPriced_costIsNullNotZero() {
    CostResult r = CostCalculator.compute(CATALOG, "openai", "mystery", null, NOW,
        usage(10, 10, 0, 0, 0));

    assertThat(r.cost()).isNull();
    assertThat(r.price()).isNull();
    assertThat(r.matchedModel()).isNull();
    assertThat(r.isKnown()).isFalse();
  }

  @Test
  void usage_negativeCount_isRejectedNamingTheField() {
    assertThatThrownBy(() -> Usage.builder().cacheReadTokens(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cacheReadTokens must not be negative: -1");
  }
}
