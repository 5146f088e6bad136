package io.sightline.genai.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM private key blocks, from {@code -----BEGIN ... PRIVATE KEY-----} to the matching
 * {@code -----END ... PRIVATE KEY-----}. A block without an end (truncated content) is redacted to
 * the end of the text. Certificates and public keys are left alone. Searches with
 * {@code indexOf}, so the cost is linear however many headers the text holds.
 */
final class PemDetector extends Detector {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final Pattern BEGIN_LINE =
      Pattern.compile("-----BEGIN (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY-----");
  private static final Pattern END_LINE =
      Pattern.compile("-----END (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY-----");

  PemDetector(int priority) {
    super(RedactionFamily.SECRET.name(), RedactionFamily.SECRET, priority);
  }

  @Override
  boolean mayMatch(String text, TextProfile profile) {
    return text.indexOf(BEGIN) >= 0;
  }

  @Override
  void find(String text, Matches out) {
    Matcher begin = BEGIN_LINE.matcher(text);
    Matcher end = END_LINE.matcher(text);
    for (int from = text.indexOf(BEGIN); from >= 0; from = text.indexOf(BEGIN, from + 1)) {
      if (!begin.region(from, text.length()).lookingAt()) {
        continue;
      }
      int stop = text.length();
      for (int e = text.indexOf(END, begin.end()); e >= 0; e = text.indexOf(END, e + 1)) {
        if (end.region(e, text.length()).lookingAt()) {
          stop = end.end();
          break;
        }
      }
      out.add(from, stop, this);
      if (stop == text.length()) {
        return;
      }
      from = stop - 1;
    }
  }
}
