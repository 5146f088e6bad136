package io.sightline.genai.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PriceCatalogTest {
  private static final String HEADER =
      "provider,pattern,effective_from,input,output,cache_read,cache_write,reasoning\n";
  private static final long NOW = millis("2026-11-27T12:00:00Z");

  static PriceCatalog catalog(String rows) {
    return PriceCatalog.load(new StringReader("# version: test-1\n" + HEADER + rows), "test.csv");
  }

  static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  static Stream<Arguments> bundledLookups() {
    return Stream.of(
        Arguments.argumentSet("plain id", "openai", "gpt-4o", "openai", "gpt-4o"),
        Arguments.argumentSet("dated snapshot", "openai", "gpt-4o-2024-08-06", "openai", "gpt-4o"),
        Arguments.argumentSet("longest match", "openai", "gpt-4o-mini-2024-07-18", "openai",
            "gpt-4o-mini"),
        Arguments.argumentSet("case", "OpenAI", "GPT-4o-Mini", "openai", "gpt-4o-mini"),
        Arguments.argumentSet("dotted id", "openai", "gpt-4.1-nano-2025-04-14", "openai",
            "gpt-4.1-nano"),
        Arguments.argumentSet("mini beside base", "openai", "o3-mini-2025-01-31", "openai",
            "o3-mini"),
        Arguments.argumentSet("gpt-5 mini", "openai", "gpt-5-mini-2025-08-07", "openai",
            "gpt-5-mini"),
        Arguments.argumentSet("4-digit snapshot", "openai", "gpt-4-0613", "openai", "gpt-4"),
        Arguments.argumentSet("embedding", "openai", "text-embedding-3-small", "openai",
            "text-embedding-3-small"),
        Arguments.argumentSet("no provider", "", "gpt-4o-mini", "openai", "gpt-4o-mini"),
        Arguments.argumentSet("null provider, sdk prefix", null, "openai/gpt-4o", "openai",
            "gpt-4o"),
        Arguments.argumentSet("azure alias", "az.ai.openai", "gpt-4o", "azure.ai.openai",
            "gpt-4o"),
        Arguments.argumentSet("azure short alias", "azure", "gpt-4o-mini-2024-07-18",
            "azure.ai.openai", "gpt-4o-mini"),
        Arguments.argumentSet("anthropic dated", "anthropic", "claude-3-5-sonnet-20241022",
            "anthropic", "claude-3-5-sonnet"),
        Arguments.argumentSet("anthropic latest", "anthropic", "claude-3-5-haiku-latest",
            "anthropic", "claude-3-5-haiku"),
        Arguments.argumentSet("opus 4.1 not opus 4", "anthropic", "claude-opus-4-1-20250805",
            "anthropic", "claude-opus-4-1"),
        Arguments.argumentSet("opus 4", "anthropic", "claude-opus-4-20250514", "anthropic",
            "claude-opus-4"),
        Arguments.argumentSet("vertex claude", "gcp.vertex_ai", "claude-sonnet-4-5@20250929",
            "anthropic", "claude-sonnet-4-5"),
        Arguments.argumentSet("vertex claude v2", "vertex_ai", "claude-3-5-sonnet-v2@20241022",
            "anthropic", "claude-3-5-sonnet"),
        Arguments.argumentSet("bedrock id", "aws.bedrock",
            "anthropic.claude-3-5-sonnet-20240620-v1:0", "aws.bedrock",
            "anthropic.claude-3-5-sonnet"),
        Arguments.argumentSet("bedrock region prefix", "bedrock",
            "us.anthropic.claude-3-7-sonnet-20250219-v1:0", "aws.bedrock",
            "anthropic.claude-3-7-sonnet"),
        Arguments.argumentSet("bedrock id, no provider", "",
            "eu.anthropic.claude-sonnet-4-20250514-v1:0", "aws.bedrock",
            "anthropic.claude-sonnet-4"),
        Arguments.argumentSet("bedrock arn", "aws.bedrock",
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
            "aws.bedrock", "anthropic.claude-3-haiku"),
        Arguments.argumentSet("bedrock, vendor name", "aws.bedrock", "claude-3-5-haiku-20241022",
            "anthropic", "claude-3-5-haiku"),
        Arguments.argumentSet("bedrock nova", "aws.bedrock", "apac.amazon.nova-pro-v1:0",
            "aws.bedrock", "amazon.nova-pro"),
        Arguments.argumentSet("gemini models/ prefix", "gcp.gemini", "models/gemini-2.0-flash",
            "gcp.gemini", "gemini-2.0-flash"),
        Arguments.argumentSet("gemini snapshot", "gemini", "gemini-1.5-pro-002", "gcp.gemini",
            "gemini-1.5-pro"),
        Arguments.argumentSet("vertex gemini", "gcp.vertex_ai", "gemini-2.5-flash", "gcp.gemini",
            "gemini-2.5-flash"),
        Arguments.argumentSet("gen_ai gemini", "google", "gemini-2.0-flash-001", "gcp.gemini",
            "gemini-2.0-flash"),
        Arguments.argumentSet("mistral", "mistralai", "mistral-large-2411", "mistral_ai",
            "mistral-large-2411"),
        Arguments.argumentSet("cohere", "cohere", "command-r-plus-08-2024", "cohere",
            "command-r-plus-08-2024"),
        Arguments.argumentSet("deepseek", "deepseek", "deepseek-chat", "deepseek",
            "deepseek-chat"),
        Arguments.argumentSet("groq", "groq", "llama-3.3-70b-versatile", "groq",
            "llama-3.3-70b-versatile"),
        Arguments.argumentSet("xai snapshot", "xai", "grok-4-0709", "x_ai", "grok-4"),
        Arguments.argumentSet("provider without the model", "openai", "grok-3", "x_ai",
            "grok-3"));
  }

  @ParameterizedTest
  @MethodSource("bundledLookups")
  void find_bundledCatalogue_picksMostSpecificRowOfRightProvider(String provider, String model,
      String expectedProvider, String expectedPattern) {
    ModelPrice price = PriceCatalog.loadDefault().find(provider, model, NOW);

    assertThat(price).as("price of %s/%s", provider, model).isNotNull();
    assertThat(price.provider()).isEqualTo(expectedProvider);
    assertThat(price.pattern()).isEqualTo(expectedPattern);
  }

  static Stream<Arguments> unpricedModels() {
    return Stream.of(
        Arguments.argumentSet("preview variant", "openai", "gpt-4o-audio-preview"),
        Arguments.argumentSet("model left out", "openai", "o1-mini"),
        Arguments.argumentSet("newer generation", "openai", "gpt-5.4"),
        Arguments.argumentSet("newer claude", "anthropic", "claude-opus-4-6"),
        Arguments.argumentSet("bedrock 4.5 left out", "aws.bedrock",
            "anthropic.claude-sonnet-4-5-20250929-v1:0"),
        Arguments.argumentSet("gemini preview", "gcp.gemini", "gemini-2.5-flash-preview-04-17"),
        Arguments.argumentSet("context variant", "openai", "gpt-4-32k"),
        Arguments.argumentSet("moving alias", "mistral_ai", "mistral-large-latest"),
        Arguments.argumentSet("old alias", "cohere", "command-r"),
        Arguments.argumentSet("fine-tune", "openai", "ft:gpt-4o-mini-2024-07-18:acme::abc123"),
        Arguments.argumentSet("blank model", "openai", "  "),
        Arguments.argumentSet("null model", null, null));
  }

  @ParameterizedTest
  @MethodSource("unpricedModels")
  void find_unpricedModel_returnsNull(String provider, String model) {
    assertThat(PriceCatalog.loadDefault().find(provider, model, NOW)).isNull();
  }

  @Test
  void find_beforeModelWasPriced_returnsNull() {
    assertThat(PriceCatalog.loadDefault().find("openai", "gpt-5", millis("2025-08-06T23:59:59Z")))
        .isNull();
    assertThat(PriceCatalog.loadDefault().find("openai", "gpt-5", millis("2025-08-07T00:00:00Z")))
        .isNotNull();
  }

  @Test
  void find_rowsOverTime_eachAppliesUntilTheNext() {
    PriceCatalog c = catalog("openai,o3,2025-04-16,10,40,2.5,,\n"
        + "openai,o3,2025-06-10,2,8,0.5,,\n");

    assertThat(c.find("openai", "o3", millis("2025-04-15T23:59:59.999Z"))).isNull();
    assertThat(c.find("openai", "o3", millis("2025-04-16T00:00:00Z")).inputPerMillion())
        .isEqualByComparingTo("10");
    assertThat(c.find("openai", "o3", millis("2025-06-09T23:59:59.999Z")).inputPerMillion())
        .isEqualByComparingTo("10");
    assertThat(c.find("openai", "o3-2025-04-16", millis("2025-06-10T00:00:00Z"))
        .inputPerMillion()).isEqualByComparingTo("2");
  }

  @Test
  void find_mostSpecificPatternNotYetInForce_fallsBackToLessSpecific() {
    PriceCatalog c = catalog("openai,gpt-4o,2024-05-13,5,15,,,\n"
        + "openai,gpt-4o-2024-08-06,2024-10-01,2.5,10,,,\n");

    assertThat(c.find("openai", "gpt-4o-2024-08-06", millis("2024-09-01T00:00:00Z")).pattern())
        .isEqualTo("gpt-4o");
    assertThat(c.find("openai", "gpt-4o-2024-08-06", millis("2024-10-01T00:00:00Z")).pattern())
        .isEqualTo("gpt-4o-2024-08-06");
  }

  @Test
  void find_resellerAndVendorBothMatch_noProviderPrefersVendor() {
    PriceCatalog c = catalog("azure.ai.openai,gpt-4o,2024-01-01,9,9,,,\n"
        + "openai,gpt-4o,2024-01-01,2.5,10,,,\n");

    assertThat(c.find("", "gpt-4o", NOW).provider()).isEqualTo("openai");
    assertThat(c.find("some-proxy", "gpt-4o", NOW).provider()).isEqualTo("openai");
    assertThat(c.find("azure", "gpt-4o", NOW).provider()).isEqualTo("azure.ai.openai");
  }

  @Test
  void find_onlyResellerMatches_usesReseller() {
    PriceCatalog c = catalog("azure.ai.openai,gpt-4o,2024-01-01,9,9,,,\n");

    assertThat(c.find("", "gpt-4o", NOW).provider()).isEqualTo("azure.ai.openai");
  }

  @Test
  void find_regexRow_matchesWholeNameAfterNameRows() {
    PriceCatalog c = catalog("openai,gpt-4o,2024-01-01,2.5,10,,,\n"
        + "openai,\"regex:gpt-4o-[a-z]{2,20}-preview\",2024-01-01,7,7,,,\n");

    assertThat(c.find("openai", "gpt-4o-audio-preview", NOW).pattern())
        .isEqualTo("regex:gpt-4o-[a-z]{2,20}-preview");
    assertThat(c.find("openai", "gpt-4o-2024-08-06", NOW).pattern()).isEqualTo("gpt-4o");
    assertThat(c.find("openai", "gpt-4o-audio-preview-x", NOW)).isNull();
  }

  @Test
  void withOverrides_userRowsReplaceWholeTimelineOfSamePattern() {
    PriceCatalog base = catalog("openai,o3,2025-04-16,10,40,2.5,,\n"
        + "openai,o3,2025-06-10,2,8,0.5,,\n"
        + "openai,o3-mini,2025-01-31,1.1,4.4,0.55,,\n");
    PriceCatalog user = PriceCatalog.load(new StringReader("# version: acme-2026\n" + HEADER
        + "openai,o3,2020-01-01,1,4,,,\n"
        + "acme,my-finetune,2026-01-01,3,6,,,\n"), "acme.csv");

    PriceCatalog merged = base.withOverrides(user);

    ModelPrice o3 = merged.find("openai", "o3", NOW);
    assertThat(o3.inputPerMillion()).isEqualByComparingTo("1");
    assertThat(o3.catalogVersion()).isEqualTo("acme-2026");
    assertThat(o3.source()).isEqualTo("acme.csv:3");
    assertThat(merged.find("openai", "o3-mini", NOW).catalogVersion()).isEqualTo("test-1");
    assertThat(merged.find("acme", "my-finetune", NOW).outputPerMillion())
        .isEqualByComparingTo("6");
    assertThat(merged.version()).isEqualTo("test-1+acme-2026");
    assertThat(merged.prices()).hasSize(3);
    assertThat(base.find("openai", "o3", NOW).inputPerMillion()).isEqualByComparingTo("2");
  }

  @Test
  void load_emptyOptionalPrices_fallBackToInputAndOutput() {
    ModelPrice p = catalog("openai,gpt-4,2023-03-14,30,60,,,\n").prices().get(0);

    assertThat(p.cacheReadPerMillion()).isEqualByComparingTo("30");
    assertThat(p.cacheWritePerMillion()).isEqualByComparingTo("30");
    assertThat(p.reasoningPerMillion()).isEqualByComparingTo("60");
    assertThat(p.effectiveFrom()).hasToString("2023-03-14");
  }

  @Test
  void load_withoutVersionComment_usesSourceNameAsVersion() {
    PriceCatalog c = PriceCatalog.load(new StringReader(HEADER + "openai,gpt-4,2023-03-14,30,60,,,"),
        "mine.csv");

    assertThat(c.version()).isEqualTo("mine.csv");
  }

  @Test
  void load_withoutSourceName_namesThePriceCatalogueInErrors() {
    assertThatThrownBy(() -> PriceCatalog.load(new StringReader(HEADER + "openai,x,2024-01-01,a,1,,,")))
        .hasMessageStartingWith("price catalogue line 2, column 4 (input)");
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.argumentSet("no header", "openai,gpt-4o,2024-01-01,1,2,,,\n",
            "bad.csv line 1: header must be provider,pattern,effective_from"),
        Arguments.argumentSet("empty file", "# version: x\n", "bad.csv: no header line"),
        Arguments.argumentSet("bad date", HEADER + "openai,gpt-4o,2024-13-01,1,2,,,\n",
            "bad.csv line 2, column 3 (effective_from): '2024-13-01' is not a date"),
        Arguments.argumentSet("bad number", HEADER + "openai,gpt-4o,2024-01-01,2.5x,2,,,\n",
            "bad.csv line 2, column 4 (input): '2.5x' is not a decimal number"),
        Arguments.argumentSet("negative", HEADER + "\n# c\nopenai,gpt-4o,2024-01-01,1,-2,,,\n",
            "bad.csv line 4, column 5 (output): '-2' is negative"),
        Arguments.argumentSet("missing input", HEADER + "openai,gpt-4o,2024-01-01,,2,,,\n",
            "bad.csv line 2, column 4 (input): is empty"),
        Arguments.argumentSet("bad cache price", HEADER + "openai,gpt-4o,2024-01-01,1,2,x,,\n",
            "bad.csv line 2, column 6 (cache_read): 'x' is not a decimal number"),
        Arguments.argumentSet("column count", HEADER + "openai,gpt-4o,2024-01-01,1,2\n",
            "bad.csv line 2: expected 8 columns"),
        Arguments.argumentSet("bad regex", HEADER + "openai,regex:gpt-(4,2024-01-01,1,2,,,\n",
            "bad.csv line 2, column 2 (pattern): invalid regex 'gpt-(4'"),
        Arguments.argumentSet("bad id", HEADER + "openai,gpt 4o,2024-01-01,1,2,,,\n",
            "bad.csv line 2, column 2 (pattern): 'gpt 4o' is not a model id"),
        Arguments.argumentSet("empty provider", HEADER + " ,gpt-4o,2024-01-01,1,2,,,\n",
            "bad.csv line 2, column 1 (provider): is empty"),
        Arguments.argumentSet("duplicate", HEADER + "openai,gpt-4o,2024-01-01,1,2,,,\n"
                + "OpenAI,GPT-4o,2024-01-01,3,4,,,\n",
            "bad.csv line 3: duplicate row for openai gpt-4o from 2024-01-01 (first on line 2)"),
        Arguments.argumentSet("unterminated quote", HEADER + "openai,\"regex:x,2024-01-01,1,2,,,\n",
            "bad.csv line 2, column 2: unterminated quoted field"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void load_malformedCsv_failsNamingLineAndColumn(String content, String message) {
    assertThatThrownBy(() -> PriceCatalog.load(new StringReader(content), "bad.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void loadDefault_parsedOnceWithVersion() {
    PriceCatalog c = PriceCatalog.loadDefault();

    assertThat(c).isSameAs(PriceCatalog.loadDefault());
    assertThat(c.version()).isEqualTo("2026-11-27");
    assertThat(c.prices()).hasSizeGreaterThan(90)
        .allSatisfy(p -> assertThat(p.catalogVersion()).isEqualTo("2026-11-27"));
  }

  @Test
  void loadDefault_everyRowIsReachable_noRowShadowed() {
    PriceCatalog c = PriceCatalog.loadDefault();

    assertThat(c.prices()).allSatisfy(p -> {
      assertThat(p.matcher().isRegex()).as("bundled rows use model ids: %s", p).isFalse();
      assertThat(c.find(p.provider(), p.matcher().exampleName(), p.effectiveFromEpochMillis()))
          .as("lookup of %s", p).isSameAs(p);
    });
  }

  @Test
  void loadDefault_anthropicRowsHaveCachePrices() {
    assertThat(PriceCatalog.loadDefault().prices())
        .filteredOn(p -> p.provider().equals("anthropic"))
        .isNotEmpty()
        .allSatisfy(p -> {
          assertThat(p.cacheReadPerMillion()).isLessThan(p.inputPerMillion());
          assertThat(p.cacheWritePerMillion()).isGreaterThan(p.inputPerMillion());
        });
  }

  @Test
  void loadDefault_azureOpenAiMirrorsOpenAi() {
    PriceCatalog c = PriceCatalog.loadDefault();

    assertThat(c.prices()).filteredOn(p -> p.provider().equals("openai")).allSatisfy(p -> {
      ModelPrice azure = c.find("azure.ai.openai", p.pattern(), p.effectiveFromEpochMillis());
      assertThat(azure.provider()).isEqualTo("azure.ai.openai");
      assertThat(azure.inputPerMillion()).isEqualByComparingTo(p.inputPerMillion());
      assertThat(azure.outputPerMillion()).isEqualByComparingTo(p.outputPerMillion());
      assertThat(azure.cacheReadPerMillion()).isEqualByComparingTo(p.cacheReadPerMillion());
    });
  }
}
