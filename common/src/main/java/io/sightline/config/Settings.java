package io.sightline.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@link Setting}s. As in OpenTelemetry's SDK autoconfiguration, a {@code -D} system
 * property wins over the environment variable, which wins over the default. Values are parsed
 * when read; a malformed value fails with a message naming the setting.
 */
public final class Settings {
  private final Map<String, String> properties;
  private final Map<String, String> environment;

  private Settings(Map<String, String> properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** Settings from this JVM's system properties and environment. */
  public static Settings fromEnvironment() {
    Map<String, String> props = new HashMap<String, String>();
    for (String name : System.getProperties().stringPropertyNames()) {
      props.put(name, System.getProperty(name));
    }
    return new Settings(props, System.getenv());
  }

  /** Settings from explicit values keyed by property name, for tests and embedding. */
  public static Settings of(Map<String, String> values) {
    return new Settings(new HashMap<String, String>(values), Collections.<String, String>emptyMap());
  }

  /** A copy with {@code values} (keyed by property name) taking precedence. */
  public Settings with(Map<String, String> values) {
    Map<String, String> merged = new HashMap<String, String>(properties);
    merged.putAll(values);
    return new Settings(merged, environment);
  }

  /** The value, or the default; {@code null} when neither exists. Blank counts as unset. */
  public String get(Setting s) {
    String v = properties.get(s.property());
    if (v == null || v.trim().isEmpty()) {
      v = environment.get(s.env());
    }
    if (v == null || v.trim().isEmpty()) {
      return s.defaultValue();
    }
    return v.trim();
  }

  /** True when the setting was given explicitly (not only defaulted). */
  public boolean isSet(Setting s) {
    String p = properties.get(s.property());
    String e = environment.get(s.env());
    return (p != null && !p.trim().isEmpty()) || (e != null && !e.trim().isEmpty());
  }

  public int getInt(Setting s) {
    long v = getLong(s);
    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      throw invalid(s, String.valueOf(v), "a whole number");
    }
    return (int) v;
  }

  public long getLong(Setting s) {
    String v = required(s);
    try {
      return Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw invalid(s, v, "a whole number");
    }
  }

  public double getDouble(Setting s) {
    String v = required(s);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw invalid(s, v, "a number");
    }
  }

  public boolean getBoolean(Setting s) {
    String v = required(s).toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("1") || v.equals("yes") || v.equals("on")) {
      return true;
    }
    if (v.equals("false") || v.equals("0") || v.equals("no") || v.equals("off")) {
      return false;
    }
    throw invalid(s, v, "true or false");
  }

  /** A duration such as {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 7d}; bare numbers are milliseconds. */
  public long getMillis(Setting s) {
    String v = required(s).toLowerCase(Locale.ROOT);
    try {
      if (v.endsWith("ms")) {
        return Long.parseLong(v.substring(0, v.length() - 2));
      }
      long unit;
      switch (v.charAt(v.length() - 1)) {
        case 's': unit = 1000L; break;
        case 'm': unit = 60_000L; break;
        case 'h': unit = 3_600_000L; break;
        case 'd': unit = 86_400_000L; break;
        default: return Long.parseLong(v);
      }
      return Long.parseLong(v.substring(0, v.length() - 1)) * unit;
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw invalid(s, v, "a duration such as 500ms, 10s, 5m");
    }
  }

  /** A byte size such as {@code 16MiB}, {@code 64KiB}, {@code 1GiB}; bare numbers are bytes. */
  public long getBytes(Setting s) {
    String v = required(s).replace(" ", "");
    String lower = v.toLowerCase(Locale.ROOT);
    long unit = 1;
    String number = lower;
    String[][] units = {{"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"},
        {"kb", "1000"}, {"mb", "1000000"}, {"gb", "1000000000"}, {"b", "1"}};
    for (String[] u : units) {
      if (lower.endsWith(u[0])) {
        unit = Long.parseLong(u[1]);
        number = lower.substring(0, lower.length() - u[0].length());
        break;
      }
    }
    try {
      return Long.parseLong(number) * unit;
    } catch (NumberFormatException e) {
      throw invalid(s, v, "a size such as 16MiB or 65536");
    }
  }

  private String required(Setting s) {
    String v = get(s);
    if (v == null) {
      throw new IllegalArgumentException("setting " + s.property() + " (" + s.env() + ") is required");
    }
    return v;
  }

  private static IllegalArgumentException invalid(Setting s, String value, String expected) {
    return new IllegalArgumentException("setting " + s.property() + " (" + s.env() + ") = '" + value
        + "' is not " + expected);
  }
}
