package io.sightline.genai.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricingSettingsTest {
  private static final long NOW = Instant.parse("2026-11-27T00:00:00Z").toEpochMilli();

  @Test
  void fromSettings_noFile_isBundledCatalogue() {
    PriceCatalog c = PricingSettings.fromSettings(Settings.of(Collections.emptyMap()));

    assertThat(c).isSameAs(PriceCatalog.loadDefault());
  }

  @Test
  void fromSettings_userFile_overridesBundledRows(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("prices.csv");
    Files.write(file, ("# version: negotiated-2026\n"
        + "provider,pattern,effective_from,input,output,cache_read,cache_write,reasoning\n"
        + "openai,gpt-4o,2024-01-01,2.00,8.00,,,\n").getBytes(StandardCharsets.UTF_8));

    PriceCatalog c = PricingSettings.fromSettings(
        Settings.of(Collections.singletonMap("sightline.pricing.file", file.toString())));

    assertThat(c.find("openai", "gpt-4o", NOW).inputPerMillion()).isEqualByComparingTo("2.00");
    assertThat(c.find("openai", "gpt-4o-mini", NOW).catalogVersion()).isEqualTo("2026-11-27");
    assertThat(c.version()).isEqualTo("2026-11-27+negotiated-2026");
  }

  @Test
  void fromSettings_missingFile_failsNamingTheSetting(@TempDir Path dir) {
    String missing = dir.resolve("nope.csv").toString();

    assertThatThrownBy(() -> PricingSettings.fromSettings(
        Settings.of(Collections.singletonMap("sightline.pricing.file", missing))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sightline.pricing.file (SIGHTLINE_PRICING_FILE)")
        .hasMessageContaining(missing);
  }

  @Test
  void fromSettings_malformedFile_failsNamingSettingAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.write(file, ("provider,pattern,effective_from,input,output,cache_read,cache_write,reasoning\n"
        + "openai,gpt-4o,someday,2.00,8.00,,,\n").getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> PricingSettings.fromSettings(
        Settings.of(Collections.singletonMap("sightline.pricing.file", file.toString()))))
        .hasMessageContaining("sightline.pricing.file")
        .hasMessageContaining("line 2, column 3 (effective_from)");
  }

  @Test
  void all_listsEverySetting() {
    assertThat(PricingSettings.ALL).containsExactly(PricingSettings.FILE);
  }
}
