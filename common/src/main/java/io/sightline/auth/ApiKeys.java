package io.sightline.auth;

import io.sightline.config.Setting;
import io.sightline.config.Settings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Project isolation by API key. With {@link #API_KEYS} configured ({@code key=project} pairs),
 * every ingest and API request must carry a known key, as {@code Authorization: Bearer <key>} or
 * {@code x-sightline-api-key: <key>}, and sees only its project. Without it, Sightline is open
 * and everything belongs to project {@value #DEFAULT_PROJECT}.
 */
public final class ApiKeys {
  public static final String DEFAULT_PROJECT = "default";

  public static final Setting API_KEYS = Setting.of("sightline.api-keys", null,
      "API keys and their projects: key1=projectA,key2=projectB. Unset: no authentication, one project 'default'.");

  private static final ApiKeys OPEN = new ApiKeys(Collections.<String, String>emptyMap());

  private final Map<String, String> projectByKey;

  private ApiKeys(Map<String, String> projectByKey) {
    this.projectByKey = projectByKey;
  }

  /** No keys: every request is project {@value #DEFAULT_PROJECT}. */
  public static ApiKeys open() {
    return OPEN;
  }

  public static ApiKeys fromSettings(Settings settings) {
    String spec = settings.get(API_KEYS);
    return spec == null ? OPEN : parse(spec);
  }

  /** Parses {@code key=project} pairs separated by commas; fails naming the bad entry. */
  public static ApiKeys parse(String spec) {
    Map<String, String> map = new LinkedHashMap<String, String>();
    for (String entry : spec.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) {
        continue;
      }
      int eq = e.indexOf('=');
      if (eq <= 0 || eq == e.length() - 1) {
        throw new IllegalArgumentException("setting " + API_KEYS.property()
            + ": entry must be key=project, got '" + mask(e) + "'");
      }
      String project = e.substring(eq + 1).trim();
      if (!project.matches("[A-Za-z0-9_.-]{1,64}")) {
        throw new IllegalArgumentException("setting " + API_KEYS.property()
            + ": project name '" + project + "' must be 1-64 letters, digits, '_', '.', '-'");
      }
      map.put(e.substring(0, eq).trim(), project);
    }
    return map.isEmpty() ? OPEN : new ApiKeys(Collections.unmodifiableMap(map));
  }

  /** True when keys are configured and requests must authenticate. */
  public boolean required() {
    return !projectByKey.isEmpty();
  }

  /**
   * The project for a request's credentials: {@code authorization} is the Authorization header
   * value (may be null), {@code apiKeyHeader} the x-sightline-api-key value (may be null).
   * Returns null when keys are required and none matches.
   */
  public String projectFor(String authorization, String apiKeyHeader) {
    if (!required()) {
      return DEFAULT_PROJECT;
    }
    String key = apiKeyHeader;
    if ((key == null || key.isEmpty()) && authorization != null
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      key = authorization.substring(7).trim();
    }
    if (key == null || key.isEmpty()) {
      return null;
    }
    // Constant-time comparison over every configured key, so timing does not reveal prefixes.
    String found = null;
    byte[] given = key.getBytes(StandardCharsets.UTF_8);
    for (Map.Entry<String, String> e : projectByKey.entrySet()) {
      if (MessageDigest.isEqual(given, e.getKey().getBytes(StandardCharsets.UTF_8))) {
        found = e.getValue();
      }
    }
    return found;
  }

  private static String mask(String entry) {
    return entry.length() <= 4 ? "****" : entry.substring(0, 2) + "****";
  }
}
