package io.sightline.genai.pricing;

import io.sightline.config.Setting;
import io.sightline.config.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Configuration of model pricing. */
public final class PricingSettings {
  public static final Setting FILE = Setting.of("sightline.pricing.file", null,
      "Path of a price CSV (same columns as the bundled model-prices.csv) whose rows replace the"
          + " bundled rows for the same provider and pattern");

  public static final List<Setting> ALL = Collections.unmodifiableList(Arrays.asList(FILE));

  private PricingSettings() {}

  /** The bundled catalogue, with the rows of {@link #FILE} taking over when it is set. */
  public static PriceCatalog fromSettings(Settings settings) {
    PriceCatalog bundled = PriceCatalog.loadDefault();
    String file = settings.get(FILE);
    if (file == null) {
      return bundled;
    }
    try (Reader reader = Files.newBufferedReader(Paths.get(file), StandardCharsets.UTF_8)) {
      return bundled.withOverrides(PriceCatalog.load(reader, file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("setting " + FILE.property() + " (" + FILE.env() + "): "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("setting " + FILE.property() + " (" + FILE.env()
          + "): cannot read price file " + file + ": " + e, e);
    }
  }
}
