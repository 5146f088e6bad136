package io.sightline.genai.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector made of a candidate regex and a validating check. Built-in regexes are written to run
 * in linear time: a negative look-behind lets a candidate start only at the beginning of a run of
 * its characters, and every repetition is bounded, so one start costs at most a fixed number of
 * steps.
 */
class RegexDetector extends Detector {
  /** Accepts a candidate: returns the end of the span to replace, or -1 to reject it. */
  interface Check {
    int end(String text, int start, int end);
  }

  /** The cheap pre-test. */
  interface Gate {
    boolean open(String text, TextProfile profile);
  }

  private final Pattern pattern;
  private final int group;
  private final Gate gate;
  private final Check check;

  RegexDetector(String label, RedactionFamily family, int priority, Pattern pattern, int group,
      Gate gate, Check check) {
    super(label, family, priority);
    this.pattern = pattern;
    this.group = group;
    this.gate = gate;
    this.check = check;
  }

  @Override
  boolean mayMatch(String text, TextProfile profile) {
    return gate.open(text, profile);
  }

  /**
   * Adds every accepted candidate. After a rejected candidate the search resumes one character
   * after its start, so a valid span that begins inside it is still found; candidates are short
   * (bounded repetitions), which keeps this linear.
   */
  @Override
  void find(String text, Matches out) {
    Matcher m = pattern.matcher(text);
    int from = 0;
    while (from <= text.length() && m.find(from)) {
      int start = m.start(group);
      int end = m.end(group);
      if (end <= start) {
        from = m.end() + 1;
        continue;
      }
      int accepted = check.end(text, start, end);
      if (accepted > start) {
        out.add(start, accepted, this);
        from = accepted;
      } else {
        from = m.start() + 1;
      }
    }
  }
}
