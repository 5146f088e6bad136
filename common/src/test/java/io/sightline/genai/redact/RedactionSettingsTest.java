package io.sightline.genai.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.config.Settings;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionSettingsTest {

  static Redactor from(String... keyValues) {
    Map<String, String> m = new HashMap<String, String>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return RedactionSettings.fromSettings(Settings.of(m));
  }

  @Test
  void fromSettings_defaults_allFamiliesPlaceholderMode() {
    Redactor r = RedactionSettings.fromSettings(Settings.of(Collections.emptyMap()));

    assertThat(r.families()).isEqualTo(EnumSet.allOf(RedactionFamily.class));
    assertThat(r.mode()).isEqualTo(RedactionMode.PLACEHOLDER);
    assertThat(r.redact("a@b.io").text()).isEqualTo("<EMAIL>");
  }

  @Test
  void fromSettings_disabled_redactsNothing() {
    Redactor r = from("sightline.redaction.enabled", "false");

    assertThat(r.isEnabled()).isFalse();
    assertThat(r.redact("a@b.io").text()).isEqualTo("a@b.io");
  }

  @Test
  void fromSettings_hashModeFamiliesAndPatterns() {
    Redactor r = from(
        "sightline.redaction.mode", "HASH",
        "sightline.redaction.hash-key", "0123456789abcdef-key",
        "sightline.redaction.families", " email , secret ",
        "sightline.redaction.patterns", "EMPLOYEE_ID=EMP-\\d{6};ticket=T\\;\\d+;");

    assertThat(r.families()).containsExactly(RedactionFamily.EMAIL, RedactionFamily.SECRET);
    assertThat(r.patternNames()).containsExactly("EMPLOYEE_ID", "TICKET");
    assertThat(r.redact("EMP-123456 T;42 a@b.io 10.0.0.1").text())
        .matches("<EMPLOYEE_ID:[0-9a-f]{8}> <TICKET:[0-9a-f]{8}> <EMAIL:[0-9a-f]{8}> 10.0.0.1");
  }

  @Test
  void fromSettings_familiesNone_onlyUserPatterns() {
    Redactor r = from("sightline.redaction.families", "none",
        "sightline.redaction.patterns", "CODE=X-\\d+");

    assertThat(r.redact("X-12 a@b.io").text()).isEqualTo("<CODE> a@b.io");
  }

  @Test
  void fromSettings_badValues_failNamingTheSettings() {
    assertThatThrownBy(() -> from("sightline.redaction.mode", "mask"))
        .hasMessageContaining("SIGHTLINE_REDACTION_*")
        .hasMessageContaining("unknown redaction mode 'mask'");
    assertThatThrownBy(() -> from("sightline.redaction.families", "email,pii"))
        .hasMessageContaining("unknown redaction family 'pii'");
    assertThatThrownBy(() -> from("sightline.redaction.patterns", "justaregex"))
        .hasMessageContaining("entry 'justaregex' of sightline.redaction.patterns is not NAME=regex");
    assertThatThrownBy(() -> from("sightline.redaction.mode", "hash"))
        .hasMessageContaining("hash key");
    assertThatThrownBy(() -> from("sightline.redaction.enabled", "maybe"))
        .hasMessageContaining("sightline.redaction.enabled");
  }

  @Test
  void all_listsEverySetting() {
    assertThat(RedactionSettings.ALL).containsExactly(RedactionSettings.ENABLED,
        RedactionSettings.MODE, RedactionSettings.HASH_KEY, RedactionSettings.FAMILIES,
        RedactionSettings.PATTERNS);
  }
}
