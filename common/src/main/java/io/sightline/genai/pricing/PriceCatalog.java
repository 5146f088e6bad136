package io.sightline.genai.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable list of model prices with lookup by provider, model name and time.
 *
 * <p>Lookup ({@link #find}) normalises the provider ({@link Providers#normalize}) and the model
 * name ({@code openai/gpt-4o} → {@code gpt-4o}, {@code us.anthropic.claude-...} →
 * {@code anthropic.claude-...}, lower case), then looks in three tiers and stops at the first hit:
 *
 * <ol>
 *   <li>rows listed under the span's own provider;
 *   <li>rows of vendors that sell their own models (every provider except the resellers
 *       {@code aws.bedrock}, {@code azure.ai.openai}, {@code azure.ai.inference},
 *       {@code gcp.vertex_ai}) — so a span with no provider, or a Vertex AI span calling
 *       {@code claude-sonnet-4-5@20250929}, gets the vendor's list price;
 *   <li>reseller rows — only reached for names only a reseller uses, such as Bedrock ids.
 * </ol>
 *
 * Within a tier the most specific matching pattern with a row in force at the given time wins
 * (see {@link ModelPattern}); ties go to the row listed first.
 */
public final class PriceCatalog {
  static final String DEFAULT_RESOURCE = "model-prices.csv";

  private final String version;
  private final List<ModelPrice> prices;
  private final Map<String, List<Timeline>> byProvider;
  private final List<Timeline> vendors;
  private final List<Timeline> resellers;

  private PriceCatalog(String version, List<ModelPrice> prices) {
    this.version = version;
    this.prices = Collections.unmodifiableList(new ArrayList<ModelPrice>(prices));
    Map<String, Timeline> timelines = new LinkedHashMap<String, Timeline>();
    for (ModelPrice p : prices) {
      String key = key(p);
      Timeline t = timelines.get(key);
      if (t == null) {
        t = new Timeline(p.matcher());
        timelines.put(key, t);
      }
      t.rows.add(p);
    }
    this.byProvider = new LinkedHashMap<String, List<Timeline>>();
    this.vendors = new ArrayList<Timeline>();
    this.resellers = new ArrayList<Timeline>();
    for (Timeline t : timelines.values()) {
      Collections.sort(t.rows, new Comparator<ModelPrice>() {
        @Override
        public int compare(ModelPrice a, ModelPrice b) {
          return a.effectiveFrom().compareTo(b.effectiveFrom());
        }
      });
      String provider = t.rows.get(0).provider();
      List<Timeline> own = byProvider.get(provider);
      if (own == null) {
        own = new ArrayList<Timeline>();
        byProvider.put(provider, own);
      }
      own.add(t);
      (Providers.isReseller(provider) ? resellers : vendors).add(t);
    }
  }

  /** The catalogue bundled with Sightline ({@code model-prices.csv}), parsed once. */
  public static PriceCatalog loadDefault() {
    return Bundled.CATALOG;
  }

  /** {@link #load(Reader, String)} with the source named "price catalogue" in errors. */
  public static PriceCatalog load(Reader reader) {
    return load(reader, null);
  }

  /**
   * Parses a catalogue in the bundled file's format. Malformed input fails with an
   * {@link IllegalArgumentException} naming {@code sourceName}, the line and the column.
   */
  public static PriceCatalog load(Reader reader, String sourceName) {
    if (reader == null) {
      throw new NullPointerException("reader == null");
    }
    String name = sourceName == null ? "price catalogue" : sourceName;
    PriceCsv csv = PriceCsv.parse(reader, name);
    return new PriceCatalog(csv.version, csv.rows);
  }

  /**
   * This catalogue with {@code user}'s rows taking over: for every (provider, pattern) that
   * {@code user} lists, its rows replace all of this catalogue's rows for that pair (the whole
   * history, so a user row from 2020-01-01 is not undercut by a later bundled row). The version
   * becomes {@code <this version>+<user version>}.
   */
  public PriceCatalog withOverrides(PriceCatalog user) {
    if (user == null) {
      throw new NullPointerException("user == null");
    }
    Set<String> replaced = new HashSet<String>();
    for (ModelPrice p : user.prices) {
      replaced.add(key(p));
    }
    List<ModelPrice> merged = new ArrayList<ModelPrice>();
    for (ModelPrice p : prices) {
      if (!replaced.contains(key(p))) {
        merged.add(p);
      }
    }
    merged.addAll(user.prices);
    return new PriceCatalog(version + "+" + user.version, merged);
  }

  /**
   * The price in force at {@code epochMillis} for {@code model} as called through
   * {@code provider} (raw or normalised; may be {@code null} or empty), or {@code null} when the
   * catalogue does not know the model then. Never a zero price standing in for "unknown".
   */
  public ModelPrice find(String provider, String model, long epochMillis) {
    String name = ModelPattern.normalizeModel(model);
    if (name.isEmpty()) {
      return null;
    }
    String p = Providers.normalize(provider);
    ModelPrice found = p.isEmpty() ? null : best(byProvider.get(p), name, epochMillis);
    if (found == null) {
      found = best(vendors, name, epochMillis);
    }
    if (found == null) {
      found = best(resellers, name, epochMillis);
    }
    return found;
  }

  /** The catalogue version ({@code # version:} line, or the source name when there is none). */
  public String version() {
    return version;
  }

  /** Every row, in file order (overridden rows removed, override rows last). */
  public List<ModelPrice> prices() {
    return prices;
  }

  @Override
  public String toString() {
    return "PriceCatalog " + version + " (" + prices.size() + " rows)";
  }

  private static ModelPrice best(List<Timeline> timelines, String name, long epochMillis) {
    if (timelines == null) {
      return null;
    }
    ModelPrice best = null;
    int bestRank = 0;
    for (Timeline t : timelines) {
      int rank = t.pattern.rank(name);
      if (rank > bestRank) {
        ModelPrice row = t.at(epochMillis);
        if (row != null) {
          best = row;
          bestRank = rank;
        }
      }
    }
    return best;
  }

  private static String key(ModelPrice p) {
    return p.provider() + "\u0000" + p.pattern();
  }

  /** The rows of one (provider, pattern), oldest first. */
  private static final class Timeline {
    final ModelPattern pattern;
    final List<ModelPrice> rows = new ArrayList<ModelPrice>(1);

    Timeline(ModelPattern pattern) {
      this.pattern = pattern;
    }

    ModelPrice at(long epochMillis) {
      for (int i = rows.size() - 1; i >= 0; i--) {
        if (rows.get(i).effectiveFromEpochMillis() <= epochMillis) {
          return rows.get(i);
        }
      }
      return null;
    }
  }

  /** Holder idiom: the bundled catalogue is parsed on first use, once. */
  private static final class Bundled {
    static final PriceCatalog CATALOG = read();

    private static PriceCatalog read() {
      InputStream in = PriceCatalog.class.getResourceAsStream(DEFAULT_RESOURCE);
      if (in == null) {
        throw new IllegalStateException("bundled price catalogue " + DEFAULT_RESOURCE
            + " is missing from the classpath");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return load(reader, DEFAULT_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bundled price catalogue", e);
      }
    }
  }
}
