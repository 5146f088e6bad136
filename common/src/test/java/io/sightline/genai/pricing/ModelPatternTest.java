package io.sightline.genai.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelPatternTest {

  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource({
      "gpt-4o, gpt-4o, true",
      "gpt-4o, gpt-4o-2024-08-06, true",
      "gpt-4o, gpt-4o-latest, true",
      "gpt-4o, gpt-4o-mini, false",
      "gpt-4o, gpt-4o-mini-2024-07-18, false",
      "gpt-4o, gpt-4oo, false",
      "gpt-4o, gpt-4o-audio-preview, false",
      "gpt-4, gpt-4-0613, true",
      "gpt-4, gpt-4-32k, false",
      "gpt-4, gpt-4-1106-preview, false",
      "gpt-5, gpt-5.4, false",
      "o3, o3-2025-04-16, true",
      "o3, o3-pro, false",
      "claude-opus-4, claude-opus-4-20250514, true",
      "claude-opus-4, claude-opus-4-1-20250805, false",
      "claude-opus-4, claude-opus-4-5, false",
      "claude-3-5-sonnet, claude-3-5-sonnet-20241022, true",
      "claude-3-5-sonnet, claude-3-5-sonnet-v2@20241022, true",
      "claude-sonnet-4-5, claude-sonnet-4-5@20250929, true",
      "claude-3-5-haiku, claude-3-5-haiku-latest, true",
      "anthropic.claude-3-5-sonnet, anthropic.claude-3-5-sonnet-20240620-v1:0, true",
      "anthropic.claude-3-sonnet, anthropic.claude-3-sonnet-20240229-v1:0:200k, true",
      "amazon.nova-pro, amazon.nova-pro-v1:0, true",
      "gemini-1.5-pro, gemini-1.5-pro-002, true",
      "gemini-2.0-flash, gemini-2.0-flash-001, true",
      "gemini-2.0-flash, gemini-2.0-flash-exp, false",
      "gemini-2.0-flash, gemini-2.0-flash-lite, false",
      "grok-4, grok-4-0709, true",
      "grok-3, grok-3-mini, false",
      "'regex:mistral-small-(2501|2503)', mistral-small-2503, true",
      "'regex:mistral-small-(2501|2503)', mistral-small-2506, false",
      "'regex:ft:gpt-4o-mini-2024-07-18:.+', ft:gpt-4o-mini-2024-07-18:acme::abc123, true",
  })
  void rank_normalizedName_matchesOnlyBaseIdAndVersionSuffixes(String pattern, String name,
      boolean matches) {
    assertThat(ModelPattern.parse(pattern).rank(name) > 0).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "gpt-4o, gpt-4o",
      "'  GPT-4o-Mini ', gpt-4o-mini",
      "openai/gpt-4o, gpt-4o",
      "models/gemini-2.0-flash, gemini-2.0-flash",
      "projects/p/locations/us-central1/publishers/google/models/gemini-1.5-pro-002, gemini-1.5-pro-002",
      "us.anthropic.claude-3-7-sonnet-20250219-v1:0, anthropic.claude-3-7-sonnet-20250219-v1:0",
      "eu.anthropic.claude-sonnet-4-20250514-v1:0, anthropic.claude-sonnet-4-20250514-v1:0",
      "apac.amazon.nova-pro-v1:0, amazon.nova-pro-v1:0",
      "us-gov.anthropic.claude-3-haiku-20240307-v1:0, anthropic.claude-3-haiku-20240307-v1:0",
      "global.anthropic.claude-sonnet-4-5-20250929-v1:0, anthropic.claude-sonnet-4-5-20250929-v1:0",
      "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0, anthropic.claude-3-5-sonnet-20240620-v1:0",
      "gpt-4.1-mini, gpt-4.1-mini",
      "claude-sonnet-4-5@20250929, claude-sonnet-4-5@20250929",
  })
  void normalizeModel_prefixedOrDecoratedName_isBareLowerCaseId(String raw, String expected) {
    assertThat(ModelPattern.normalizeModel(raw)).isEqualTo(expected);
  }

  @Test
  void rank_severalMatches_exactBeatsLongerSuffixBeatsShorterSuffixBeatsRegex() {
    String name = "claude-3-5-sonnet-v2@20241022";
    int exact = ModelPattern.parse(name).rank(name);
    int longSuffix = ModelPattern.parse("claude-3-5-sonnet-v2").rank(name);
    int shortSuffix = ModelPattern.parse("claude-3-5-sonnet").rank(name);
    int regex = ModelPattern.parse("regex:claude-3-5-sonnet.*").rank(name);

    assertThat(exact).isGreaterThan(longSuffix);
    assertThat(longSuffix).isGreaterThan(shortSuffix);
    assertThat(shortSuffix).isGreaterThan(regex);
    assertThat(regex).isPositive();
  }

  @Test
  void parse_regexIsCaseInsensitive_andBaseIdIsLowerCased() {
    assertThat(ModelPattern.parse("REGEX:GPT-4O.*").rank("gpt-4o-x")).isPositive();
    assertThat(ModelPattern.parse("GPT-4o").text()).isEqualTo("gpt-4o");
  }

  @Test
  void parse_invalidInput_explains() {
    assertThatThrownBy(() -> ModelPattern.parse("gpt 4o"))
        .hasMessageContaining("'gpt 4o' is not a model id");
    assertThatThrownBy(() -> ModelPattern.parse("regex:gpt-(4"))
        .hasMessageContaining("invalid regex 'gpt-(4'");
    assertThatThrownBy(() -> ModelPattern.parse("regex:")).hasMessageContaining("empty regex");
  }
}
