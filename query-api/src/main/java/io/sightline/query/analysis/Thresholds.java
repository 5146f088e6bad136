package io.sightline.query.analysis;

import java.util.List;
import java.util.Locale;

/**
 * Tunables of the analysis rules (settings {@code sightline.query.analysis.*}).
 *
 * @param slowTtftMs a streaming LLM call slower than this to its first token is reported
 * @param loopRepeatCount this many calls of one tool with the same arguments in a turn is a loop
 * @param contextGrowthFactor last turn's prompt tokens / first turn's at or above this is growth
 * @param contextGrowthMinTurns turns needed before context growth is judged
 * @param dominantStepShare a step holding at least this share of the critical path dominates it
 * @param minTurnLatencyMs turns faster than this get no latency attribution
 * @param costHotspotShare a step with at least this share of the cost is a hot spot (warning)
 * @param apologyPhrases lower-case phrases that make a final answer "only apologises"
 * @param refusalPhrases lower-case phrases that make an answer a refusal
 */
public record Thresholds(long slowTtftMs, int loopRepeatCount, double contextGrowthFactor,
    int contextGrowthMinTurns, double dominantStepShare, long minTurnLatencyMs,
    double costHotspotShare, List<String> apologyPhrases, List<String> refusalPhrases) {

  public static final List<String> DEFAULT_APOLOGY = List.of("sorry", "apologi", "unfortunately",
      "unable to", "couldn't", "could not", "can't", "cannot", "not able to", "was an error",
      "encountered an error", "failed");
  public static final List<String> DEFAULT_REFUSAL = List.of("i can't help with",
      "i cannot help with", "i can't assist", "i cannot assist", "i'm not able to help",
      "i am not able to help", "i won't be able to help", "i must decline", "against my guidelines",
      "i'm unable to help", "i am unable to help");

  public static final Thresholds DEFAULTS = new Thresholds(2000, 3, 2.0, 3, 0.5, 1000, 0.5,
      DEFAULT_APOLOGY, DEFAULT_REFUSAL);

  public Thresholds {
    if (loopRepeatCount < 2) {
      throw new IllegalArgumentException("loop repeat count must be at least 2, got " + loopRepeatCount);
    }
    if (contextGrowthMinTurns < 2) {
      throw new IllegalArgumentException("context growth needs at least 2 turns, got " + contextGrowthMinTurns);
    }
    apologyPhrases = apologyPhrases.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    refusalPhrases = refusalPhrases.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
  }

  boolean apologises(String text) {
    return containsAny(text, apologyPhrases);
  }

  boolean refuses(String text) {
    return containsAny(text, refusalPhrases);
  }

  private static boolean containsAny(String text, List<String> phrases) {
    String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    for (String p : phrases) {
      if (t.contains(p)) {
        return true;
      }
    }
    return false;
  }
}
