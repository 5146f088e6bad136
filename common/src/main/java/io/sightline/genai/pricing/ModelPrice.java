package io.sightline.genai.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One catalogue row: the USD list price per million tokens of the models a pattern matches, from
 * {@link #effectiveFrom()} (00:00 UTC) until the next row for the same provider and pattern.
 *
 * <p>Cache and reasoning prices are optional in the file. When a row leaves them empty, the
 * accessors return the fallback: cache read and cache write are billed as plain input (providers
 * without a cache discount or write surcharge), reasoning as plain output (every provider so far
 * bills reasoning tokens as output).
 */
public final class ModelPrice {
  private final String provider;
  private final ModelPattern pattern;
  private final LocalDate effectiveFrom;
  private final BigDecimal input;
  private final BigDecimal output;
  private final BigDecimal cacheRead;
  private final BigDecimal cacheWrite;
  private final BigDecimal reasoning;
  private final String catalogVersion;
  private final String source;

  ModelPrice(String provider, ModelPattern pattern, LocalDate effectiveFrom, BigDecimal input,
      BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite, BigDecimal reasoning,
      String catalogVersion, String source) {
    this.provider = provider;
    this.pattern = pattern;
    this.effectiveFrom = effectiveFrom;
    this.input = input;
    this.output = output;
    this.cacheRead = cacheRead == null ? input : cacheRead;
    this.cacheWrite = cacheWrite == null ? input : cacheWrite;
    this.reasoning = reasoning == null ? output : reasoning;
    this.catalogVersion = catalogVersion;
    this.source = source;
  }

  /** The OTel provider name the row is listed under, e.g. {@code openai}, {@code aws.bedrock}. */
  public String provider() {
    return provider;
  }

  /** The pattern as written in the catalogue (base ids lower-cased), e.g. {@code gpt-4o}. */
  public String pattern() {
    return pattern.text();
  }

  /** The first UTC day the price applies. */
  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  public BigDecimal inputPerMillion() {
    return input;
  }

  public BigDecimal outputPerMillion() {
    return output;
  }

  /** Cache-read (cache hit) price; the input price when the row has none. */
  public BigDecimal cacheReadPerMillion() {
    return cacheRead;
  }

  /** Cache-write (cache creation) price; the input price when the row has none. */
  public BigDecimal cacheWritePerMillion() {
    return cacheWrite;
  }

  /** Reasoning-token price; the output price when the row has none. */
  public BigDecimal reasoningPerMillion() {
    return reasoning;
  }

  /** The version of the catalogue file this row came from, e.g. {@code 2026-11-27}. */
  public String catalogVersion() {
    return catalogVersion;
  }

  /** Where the row was read, {@code file:line}, for explaining a cost. */
  public String source() {
    return source;
  }

  ModelPattern matcher() {
    return pattern;
  }

  long effectiveFromEpochMillis() {
    return effectiveFrom.toEpochDay() * 86_400_000L;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ModelPrice)) {
      return false;
    }
    ModelPrice p = (ModelPrice) o;
    return provider.equals(p.provider) && pattern().equals(p.pattern())
        && effectiveFrom.equals(p.effectiveFrom) && input.equals(p.input)
        && output.equals(p.output) && cacheRead.equals(p.cacheRead)
        && cacheWrite.equals(p.cacheWrite) && reasoning.equals(p.reasoning)
        && catalogVersion.equals(p.catalogVersion);
  }

  @Override
  public int hashCode() {
    return ((provider.hashCode() * 31 + pattern().hashCode()) * 31 + effectiveFrom.hashCode()) * 31
        + input.hashCode();
  }

  @Override
  public String toString() {
    return provider + "/" + pattern() + " from " + effectiveFrom + " in=" + input + " out=" + output
        + " cacheRead=" + cacheRead + " cacheWrite=" + cacheWrite + " reasoning=" + reasoning
        + " (" + source + ", catalogue " + catalogVersion + ")";
  }
}
