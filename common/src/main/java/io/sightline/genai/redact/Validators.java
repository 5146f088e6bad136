package io.sightline.genai.redact;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The checks that turn regex candidates into findings: checksums, ranges and shape rules. */
final class Validators {
  /** IBAN length per country (SWIFT IBAN registry). */
  private static final Map<String, Integer> IBAN_LENGTHS = new HashMap<String, Integer>();
  /** "Domains" that are really file names: {@code logo@2x.png}. */
  private static final Set<String> FILE_EXTENSIONS = Collections.unmodifiableSet(new HashSet<String>(
      Arrays.asList("png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "tif", "tiff",
          "pdf", "txt", "js", "css", "html", "json", "xml", "yaml", "yml", "md", "zip")));

  static {
    String[] lengths = {"AD24", "AE23", "AL28", "AT20", "AZ28", "BA20", "BE16", "BG22", "BH22",
        "BR29", "CH21", "CR22", "CY28", "CZ24", "DE22", "DK18", "DO28", "EE20", "EG29", "ES24",
        "FI18", "FO18", "FR27", "GB22", "GE22", "GI23", "GL18", "GR27", "GT28", "HR21", "HU28",
        "IE22", "IL23", "IS26", "IT27", "JO30", "KW30", "KZ20", "LB28", "LI21", "LT20", "LU20",
        "LV21", "MC27", "MD24", "ME22", "MK19", "MR27", "MT31", "MU30", "NL18", "NO15", "PK24",
        "PL28", "PS29", "PT25", "QA29", "RO24", "RS22", "SA24", "SE24", "SI19", "SK24", "SM27",
        "TN24", "TR26", "UA29", "VG24", "XK20"};
    for (String l : lengths) {
      IBAN_LENGTHS.put(l.substring(0, 2), Integer.parseInt(l.substring(2)));
    }
  }

  private Validators() {}

  /** E-mail: the top-level domain is not a file extension ({@code icon@2x.png}). */
  static int email(String text, int start, int end) {
    int dot = text.lastIndexOf('.', end - 1);
    String tld = text.substring(dot + 1, end).toLowerCase(Locale.ROOT);
    return FILE_EXTENSIONS.contains(tld) ? -1 : end;
  }

  /** Phone: 8–15 digits after {@code +} (16 with a {@code (0)} trunk digit). */
  static int internationalPhone(String text, int start, int end) {
    int digits = countDigits(text, start, end);
    return digits >= 8 && digits <= 16 ? end : -1;
  }

  /** North American number: area code and exchange do not start with 0 or 1. */
  static int northAmericanPhone(String text, int start, int end) {
    int digits = countDigits(text, start, end);
    int first = digitAt(text, start, end, digits == 11 ? 1 : 0);
    int exchange = digitAt(text, start, end, digits == 11 ? 4 : 3);
    return first >= '2' && exchange >= '2' ? end : -1;
  }

  /**
   * National number with trunk prefix 0: 9–12 digits (up to 17 after the {@code 00}
   * international call prefix), and not shaped like an SSN
   * ({@code 000-12-3456} is an invalid SSN, not a phone number).
   */
  static int nationalPhone(String text, int start, int end) {
    int digits = countDigits(text, start, end);
    boolean ssnShape = end - start == 11 && text.charAt(start + 3) == '-'
        && text.charAt(start + 6) == '-';
    int max = text.startsWith("00", start) ? 17 : 12;
    return digits >= 9 && digits <= max && !ssnShape ? end : -1;
  }

  /** Card: 13–19 digits, a known issuer prefix and a valid Luhn checksum. */
  static int card(String text, int start, int end) {
    StringBuilder d = new StringBuilder(19);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        d.append(c);
      }
    }
    int n = d.length();
    if (n < 13 || n > 19 || !knownIssuer(d) || !luhn(d)) {
      return -1;
    }
    return end;
  }

  /**
   * Issuer prefixes of Visa (4), Mastercard (51–55, 2221–2720), Amex (34, 37), Diners (30, 36,
   * 38, 39), JCB (35), Discover/UnionPay/Maestro (6, 50, 56–58). Numbers starting 0, 1, 7, 8, 9
   * are ids, not cards.
   */
  static boolean knownIssuer(CharSequence d) {
    int two = (d.charAt(0) - '0') * 10 + (d.charAt(1) - '0');
    switch (d.charAt(0)) {
      case '4':
      case '6':
        return true;
      case '3':
        return two == 30 || two >= 34 && two <= 39 && two != 31 && two != 32 && two != 33;
      case '5':
        return two == 50 || two >= 51 && two <= 58;
      case '2':
        int four = Integer.parseInt(d.subSequence(0, 4).toString());
        return four >= 2221 && four <= 2720;
      default:
        return false;
    }
  }

  static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int v = digits.charAt(i) - '0';
      if (twice) {
        v *= 2;
        if (v > 9) {
          v -= 9;
        }
      }
      sum += v;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /**
   * IBAN: a known country, at least that country's length (a longer candidate is cut at a group
   * boundary, so a following upper-case word is not swallowed) and mod-97 remainder 1.
   */
  static int iban(String text, int start, int end) {
    Integer length = IBAN_LENGTHS.get(text.substring(start, start + 2));
    if (length == null) {
      return -1;
    }
    StringBuilder compact = new StringBuilder(34);
    int cut = -1;
    for (int i = start; i < end && compact.length() < length; i++) {
      char c = text.charAt(i);
      if (c != ' ') {
        compact.append(c);
        cut = i + 1;
      }
    }
    if (compact.length() < length || (cut < end && text.charAt(cut) != ' ')) {
      return -1;
    }
    return mod97(compact) == 1 ? cut : -1;
  }

  /** ISO 13616 check: move the first four characters to the end, letters as 10..35, mod 97. */
  static int mod97(CharSequence iban) {
    int remainder = 0;
    int n = iban.length();
    for (int k = 0; k < n; k++) {
      char c = iban.charAt((k + 4) % n);
      int v = c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10;
      remainder = v < 10 ? (remainder * 10 + v) % 97 : (remainder * 100 + v) % 97;
    }
    return remainder;
  }

  /** SSN: area not 000, 666 or 9xx; group not 00; serial not 0000. */
  static int ssn(String text, int start, int end) {
    String area = text.substring(start, start + 3);
    String group = text.substring(start + 4, start + 6);
    String serial = text.substring(start + 7, start + 11);
    boolean valid = !area.equals("000") && !area.equals("666") && area.charAt(0) != '9'
        && !group.equals("00") && !serial.equals("0000");
    return valid ? end : -1;
  }

  /** A token that is a credential, not a word: it has both a letter and a digit. */
  static int tokenWithDigitAndLetter(String text, int start, int end) {
    boolean digit = false;
    boolean letter = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      digit |= c >= '0' && c <= '9';
      letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    return digit && letter ? end : -1;
  }

  private static int countDigits(String text, int start, int end) {
    int n = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }

  /** The character of the {@code index}-th digit (0-based) in the span, or 0. */
  private static int digitAt(String text, int start, int end, int index) {
    int n = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (n == index) {
          return c;
        }
        n++;
      }
    }
    return 0;
  }
}
