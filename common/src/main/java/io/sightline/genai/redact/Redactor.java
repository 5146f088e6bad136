package io.sightline.genai.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.crypto.Mac;

/**
 * Replaces personal data and secrets in free text with typed placeholders ({@code <EMAIL>}) or
 * typed keyed hashes ({@code <EMAIL:3f2a9c1d>}). Immutable and thread-safe; build once and share.
 *
 * <p>Cost: one pass over the text to count digits, {@code @}, dots and colons, then only the
 * detectors that could match run. When nothing matches, the result holds the same string and no
 * copy is made. Built-in detectors run in time linear in the text length (see
 * {@link BuiltInDetectors}); user patterns run as written, so their author owns their cost.
 *
 * <p>Overlapping finds: the leftmost wins, then the longer, then user patterns, then secrets,
 * e-mail, IBAN, card, SSN, IP, phone in that order.
 */
public final class Redactor {
  private static final Pattern PATTERN_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
  private static final Redactor DEFAULTS = builder().build();
  private static final Redactor NONE = builder().families(EnumSet.noneOf(RedactionFamily.class))
      .build();

  private final RedactionMode mode;
  private final Hasher hasher;
  private final Set<RedactionFamily> families;
  private final Set<String> patternNames;
  private final List<Detector> detectors;

  private Redactor(Builder b) {
    this.mode = b.mode;
    this.hasher = b.mode == RedactionMode.HASH ? new Hasher(b.hashKey) : null;
    this.families = Collections.unmodifiableSet(EnumSet.copyOf(b.families));
    this.patternNames = Collections.unmodifiableSet(new TreeSet<String>(b.patterns.keySet()));
    List<Detector> d = new ArrayList<Detector>();
    int priority = -b.patterns.size();
    for (Map.Entry<String, Pattern> p : b.patterns.entrySet()) {
      d.add(new RegexDetector(p.getKey(), null, priority++, p.getValue(), 0,
          (text, profile) -> true, (text, start, end) -> end));
    }
    d.addAll(BuiltInDetectors.of(families));
    this.detectors = Collections.unmodifiableList(d);
  }

  /** All families, placeholder mode, no extra patterns. */
  public static Redactor defaults() {
    return DEFAULTS;
  }

  /** A redactor that finds nothing (redaction switched off). */
  public static Redactor none() {
    return NONE;
  }

  /** Starts from the defaults: all families on, placeholder mode. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Redacts {@code text}. {@code null} gives a result whose text is {@code null}; this method
   * never throws on content.
   */
  public RedactionResult redact(String text) {
    if (text == null || text.isEmpty() || detectors.isEmpty()) {
      return RedactionResult.unchanged(text);
    }
    TextProfile profile = TextProfile.of(text);
    Matches matches = null;
    for (Detector d : detectors) {
      if (d.mayMatch(text, profile)) {
        if (matches == null) {
          matches = new Matches();
        }
        d.find(text, matches);
      }
    }
    if (matches == null || matches.isEmpty()) {
      return RedactionResult.unchanged(text);
    }
    return replace(text, matches);
  }

  private RedactionResult replace(String text, Matches matches) {
    Integer[] chosen = matches.chosen();
    Mac mac = hasher == null ? null : hasher.newMac();
    StringBuilder out = new StringBuilder(text.length());
    Set<String> categories = new TreeSet<String>();
    int pos = 0;
    for (Integer i : chosen) {
      int start = matches.start(i);
      int end = matches.end(i);
      Detector d = matches.detector(i);
      out.append(text, pos, start).append('<').append(d.label);
      if (mac != null) {
        out.append(':').append(Hasher.hash(mac, d.label, d.normalize(text.substring(start, end))));
      }
      out.append('>');
      categories.add(d.label);
      pos = end;
    }
    out.append(text, pos, text.length());
    return new RedactionResult(out.toString(), chosen.length,
        Collections.unmodifiableSet(categories));
  }

  public RedactionMode mode() {
    return mode;
  }

  public Set<RedactionFamily> families() {
    return families;
  }

  /** Names of the user patterns, upper case. */
  public Set<String> patternNames() {
    return patternNames;
  }

  /** False when this redactor can find nothing. */
  public boolean isEnabled() {
    return !detectors.isEmpty();
  }

  @Override
  public String toString() {
    return "Redactor{mode=" + mode + ", families=" + families + ", patterns=" + patternNames + "}";
  }

  /** Configuration of a {@link Redactor}; starts with all families on and placeholder mode. */
  public static final class Builder {
    static final int MIN_KEY_LENGTH = 16;

    private RedactionMode mode = RedactionMode.PLACEHOLDER;
    private String hashKey;
    private final Set<RedactionFamily> families = EnumSet.allOf(RedactionFamily.class);
    private final Map<String, Pattern> patterns = new LinkedHashMap<String, Pattern>();

    private Builder() {}

    public Builder mode(RedactionMode mode) {
      if (mode == null) {
        throw new NullPointerException("mode == null");
      }
      this.mode = mode;
      return this;
    }

    /** The HMAC key for {@link RedactionMode#HASH}; at least 16 characters. */
    public Builder hashKey(String hashKey) {
      this.hashKey = hashKey;
      return this;
    }

    /** Exactly these families (replaces the current set). */
    public Builder families(Collection<RedactionFamily> families) {
      this.families.clear();
      this.families.addAll(families);
      return this;
    }

    public Builder enable(RedactionFamily... families) {
      this.families.addAll(Arrays.asList(families));
      return this;
    }

    public Builder disable(RedactionFamily... families) {
      this.families.removeAll(Arrays.asList(families));
      return this;
    }

    /**
     * An extra pattern: every match of {@code regex} becomes {@code <NAME>} (name upper-cased;
     * letters, digits and {@code _}, not a family name).
     */
    public Builder addPattern(String name, String regex) {
      String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
      if (!PATTERN_NAME.matcher(n).matches()) {
        throw new IllegalArgumentException("redaction pattern name '" + name
            + "' must be a letter followed by up to 31 letters, digits or _");
      }
      for (RedactionFamily f : RedactionFamily.values()) {
        if (f.name().equals(n)) {
          throw new IllegalArgumentException("redaction pattern name '" + name
              + "' is a built-in family; choose another name");
        }
      }
      if (patterns.containsKey(n)) {
        throw new IllegalArgumentException("redaction pattern '" + n + "' is defined twice");
      }
      if (regex == null || regex.isEmpty()) {
        throw new IllegalArgumentException("redaction pattern '" + n + "' has an empty regex");
      }
      try {
        patterns.put(n, Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("redaction pattern '" + n + "' has an invalid regex: "
            + e.getDescription() + " near index " + e.getIndex() + " of " + regex);
      }
      return this;
    }

    public Redactor build() {
      if (mode == RedactionMode.HASH
          && (hashKey == null || hashKey.length() < MIN_KEY_LENGTH)) {
        throw new IllegalArgumentException("redaction mode hash needs a hash key of at least "
            + MIN_KEY_LENGTH + " characters");
      }
      return new Redactor(this);
    }
  }
}
