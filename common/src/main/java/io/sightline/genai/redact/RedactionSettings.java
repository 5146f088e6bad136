package io.sightline.genai.redact;

import io.sightline.config.Setting;
import io.sightline.config.Settings;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Configuration of PII and secret redaction, and the mapping onto {@link Redactor.Builder}. */
public final class RedactionSettings {
  public static final Setting ENABLED = Setting.of("sightline.redaction.enabled", "true",
      "Redact personal data and secrets in content and free-text attributes before storing or"
          + " logging them");
  public static final Setting MODE = Setting.of("sightline.redaction.mode", "placeholder",
      "placeholder (<EMAIL>) or hash (<EMAIL:3f2a9c1d>: keyed HMAC-SHA256, equal values stay"
          + " linkable)");
  public static final Setting HASH_KEY = Setting.of("sightline.redaction.hash-key", null,
      "Secret key of the hash mode, at least 16 characters");
  public static final Setting FAMILIES = Setting.of("sightline.redaction.families", "all",
      "Comma list of what to redact: email, phone, card, iban, ssn, ip, secret; all; or none");
  public static final Setting PATTERNS = Setting.of("sightline.redaction.patterns", null,
      "Extra patterns as NAME=regex;NAME2=regex, replaced by <NAME> (write a literal ; as \\;)");

  public static final List<Setting> ALL = Collections.unmodifiableList(
      Arrays.asList(ENABLED, MODE, HASH_KEY, FAMILIES, PATTERNS));

  private RedactionSettings() {}

  /** The redactor the settings describe; {@link Redactor#none()} when disabled. */
  public static Redactor fromSettings(Settings settings) {
    if (!settings.getBoolean(ENABLED)) {
      return Redactor.none();
    }
    try {
      Redactor.Builder b = Redactor.builder()
          .mode(RedactionMode.parse(settings.get(MODE)))
          .hashKey(settings.get(HASH_KEY))
          .families(families(settings.get(FAMILIES)));
      String patterns = settings.get(PATTERNS);
      if (patterns != null) {
        for (String entry : patterns.split("(?<!\\\\);")) {
          if (entry.trim().isEmpty()) {
            continue;
          }
          int eq = entry.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("entry '" + entry.trim() + "' of "
                + PATTERNS.property() + " is not NAME=regex");
          }
          b.addPattern(entry.substring(0, eq), entry.substring(eq + 1));
        }
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "redaction settings (sightline.redaction.*, SIGHTLINE_REDACTION_*): " + e.getMessage(), e);
    }
  }

  /** {@code all}, {@code none}, or a comma list of family names. */
  static Set<RedactionFamily> families(String list) {
    String v = list == null ? "all" : list.trim().toLowerCase(Locale.ROOT);
    if (v.equals("all")) {
      return EnumSet.allOf(RedactionFamily.class);
    }
    Set<RedactionFamily> families = EnumSet.noneOf(RedactionFamily.class);
    if (v.equals("none")) {
      return families;
    }
    for (String name : v.split(",")) {
      if (!name.trim().isEmpty()) {
        families.add(RedactionFamily.parse(name));
      }
    }
    return families;
  }
}
