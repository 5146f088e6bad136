package io.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.config.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every setting the code reads, with its real default. Run with
 * {@code -Dsightline.update.docs=true} to regenerate the table after adding a setting.
 */
class ConfigurationDocTest {
  private static final Path DOC = Path.of("../docs/configuration.md");

  @Test
  void configurationDoc_listsEverySettingWithItsDefault() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(ConfigurationDoc.BEGIN);
    int end = doc.indexOf(ConfigurationDoc.END);
    assertThat(begin).as("settings markers in docs/configuration.md").isNotNegative();
    String generated = ConfigurationDoc.render();
    if (Boolean.getBoolean("sightline.update.docs")) {
      doc = doc.substring(0, begin) + generated + doc.substring(end + ConfigurationDoc.END.length());
      Files.writeString(DOC, doc, StandardCharsets.UTF_8);
      end = doc.indexOf(ConfigurationDoc.END);
    }
    assertThat(doc.substring(begin, end + ConfigurationDoc.END.length())).isEqualTo(generated);
  }

  @Test
  void settings_haveUniqueNames() {
    Set<String> seen = new HashSet<>();
    for (Setting s : AllSettings.all()) {
      assertThat(seen.add(s.property())).as("duplicate setting %s", s.property()).isTrue();
    }
  }
}
