package io.sightline.genai.redact;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Checks of IPv4 and IPv6 candidates. */
final class IpAddresses {
  private static final Set<String> VERSION_WORDS = Collections.unmodifiableSet(new HashSet<String>(
      Arrays.asList("v", "ver", "version", "build", "release", "firmware", "fw")));

  private IpAddresses() {}

  /**
   * IPv4 (octet ranges are in the regex): not when the word before is a version label, since
   * {@code version 4.1.2.0} looks exactly like an address.
   */
  static int ipv4(String text, int start, int end) {
    int wordEnd = start;
    while (wordEnd > 0 && start - wordEnd < 2 && text.charAt(wordEnd - 1) == ' ') {
      wordEnd--;
    }
    int wordStart = wordEnd;
    while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))
        && wordEnd - wordStart < 12) {
      wordStart--;
    }
    String word = text.substring(wordStart, wordEnd).toLowerCase(Locale.ROOT);
    return VERSION_WORDS.contains(word) ? -1 : end;
  }

  /**
   * IPv6: eight groups of 1–4 hex digits, or fewer with one {@code ::}, optionally ending in an
   * IPv4 address; must contain a decimal digit (so {@code abc::def} in code is not an address).
   * Trailing dots (end of a sentence) are left out of the span.
   */
  static int ipv6(String text, int start, int end) {
    while (end > start && text.charAt(end - 1) == '.') {
      end--;
    }
    String s = text.substring(start, end);
    boolean digit = false;
    for (int i = 0; i < s.length() && !digit; i++) {
      digit = Character.isDigit(s.charAt(i));
    }
    return digit && isIpv6(s) ? end : -1;
  }

  static boolean isIpv6(String s) {
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    int groups;
    if (gap < 0) {
      groups = groups(s, true);
      return groups == 8;
    }
    int left = gap == 0 ? 0 : groups(s.substring(0, gap), false);
    String rightPart = s.substring(gap + 2);
    int right = rightPart.isEmpty() ? 0 : groups(rightPart, true);
    return left >= 0 && right >= 0 && left + right <= 7;
  }

  /** Counts groups in a {@code :}-separated run; an IPv4 tail counts 2; -1 when malformed. */
  private static int groups(String s, boolean ipv4TailAllowed) {
    String[] parts = s.split(":", -1);
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.indexOf('.') >= 0) {
        if (!ipv4TailAllowed || i != parts.length - 1 || !isIpv4(p)) {
          return -1;
        }
        count += 2;
      } else if (p.isEmpty() || p.length() > 4 || !isHex(p)) {
        return -1;
      } else {
        count++;
      }
    }
    return count;
  }

  private static boolean isHex(String p) {
    for (int i = 0; i < p.length(); i++) {
      if (Character.digit(p.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpv4(String s) {
    String[] octets = s.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String o : octets) {
      if (o.isEmpty() || o.length() > 3 || (o.length() > 1 && o.charAt(0) == '0')) {
        return false;
      }
      for (int i = 0; i < o.length(); i++) {
        if (o.charAt(i) < '0' || o.charAt(i) > '9') {
          return false;
        }
      }
      if (Integer.parseInt(o) > 255) {
        return false;
      }
    }
    return true;
  }
}
