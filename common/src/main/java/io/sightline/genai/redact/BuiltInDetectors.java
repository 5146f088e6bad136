package io.sightline.genai.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The candidate regexes of the built-in families. Each starts with a negative look-behind so it
 * can only begin at the start of a run of its characters, and bounds every repetition: with the
 * validators in {@link Validators} this keeps redaction linear in the text length.
 */
final class BuiltInDetectors {
  private static final Pattern EMAIL = Pattern.compile(
      "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@"
          + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24}"
          + "(?![A-Za-z0-9-])");
  /** After a phone number: no word character except an extension's {@code x}, no more digits. */
  private static final String PHONE_END = "(?![\\w\\-&&[^x]]|[.,]\\d)";
  private static final Pattern PHONE_INTERNATIONAL = Pattern.compile(
      "(?<![\\w+])\\+\\d{1,3}+(?:[ .-]?(?:\\(\\d{1,4}+\\)|\\d{1,8}+)){1,7}+" + PHONE_END);
  private static final Pattern PHONE_NORTH_AMERICA = Pattern.compile(
      "(?<![\\w+.-])(?:1[ .-]?)?(?:\\(\\d{3}\\) ?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}" + PHONE_END);
  private static final Pattern PHONE_NATIONAL = Pattern.compile(
      "(?<![\\w+.-])(?:0\\d{1,4}+|\\(0\\d{1,4}+\\) ?\\d{2,8}+)(?:[ -]\\d{2,8}+){1,4}+" + PHONE_END);
  private static final Pattern CARD = Pattern.compile(
      "(?<![\\w.-])\\d(?:[ -]?\\d){12,18}(?![\\w]|[.-]?\\d)");
  private static final Pattern IBAN = Pattern.compile(
      "(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])");
  private static final Pattern SSN = Pattern.compile(
      "(?<![\\w.-])\\d{3}([- ])\\d{2}\\1\\d{4}(?![\\w-]|[.,]\\d)");
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4 = Pattern.compile(
      "(?<![\\w.:])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\w]|\\.\\d)");
  private static final Pattern IPV6 = Pattern.compile(
      "(?<![\\w:.])[0-9A-Fa-f:.]{2,45}+(?![\\w:.])");
  /** Vendor-prefixed keys: each prefix is distinctive enough on its own. */
  private static final Pattern VENDOR_KEY = Pattern.compile(
      "(?<![A-Za-z0-9_-])(?:"
          + "(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}"
          + "|AIza[0-9A-Za-z_-]{35}"
          + "|gh[pousr]_[A-Za-z0-9]{36,251}+"
          + "|npm_[A-Za-z0-9]{36}"
          + "|eyJ[A-Za-z0-9_-]{4,8192}+\\.eyJ[A-Za-z0-9_-]{4,8192}+\\.[A-Za-z0-9_-]{0,8192}+"
          + ")(?![A-Za-z0-9_-])");
  /** Keys whose prefix could start a word, so the body must look random (letters and digits). */
  private static final Pattern PREFIXED_TOKEN = Pattern.compile(
      "(?<![A-Za-z0-9_-])(?:"
          + "sk-[A-Za-z0-9_-]{20,512}+"
          + "|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,256}+"
          + "|github_pat_[A-Za-z0-9_]{22,255}+"
          + "|xox[abposr]-[A-Za-z0-9-]{10,255}+"
          + ")(?![A-Za-z0-9_-])");
  private static final Pattern BEARER = Pattern.compile(
      "(?<![A-Za-z0-9_-])[Bb][Ee][Aa][Rr][Ee][Rr][ \\t]{1,8}+([A-Za-z0-9._~+/-]{16,4096}+=*)"
          + "(?![A-Za-z0-9._~+/=-])");

  private BuiltInDetectors() {}

  /** The detectors of {@code families}, highest priority first. */
  static List<Detector> of(Set<RedactionFamily> families) {
    List<Detector> d = new ArrayList<Detector>();
    int p = 0;
    if (families.contains(RedactionFamily.SECRET)) {
      d.add(new PemDetector(p++));
      // Each alternative of VENDOR_KEY starts with a literal: look for those before scanning.
      d.add(regex(RedactionFamily.SECRET, p++, VENDOR_KEY, 0,
          (t, pr) -> t.length() >= 20 && TextProfile.containsAny(t, "AKIA", "ASIA", "ABIA", "ACCA",
              "AIza", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "npm_", "eyJ"),
          (t, s, e) -> e));
      d.add(regex(RedactionFamily.SECRET, p++, PREFIXED_TOKEN, 0,
          (t, pr) -> pr.digits > 0 && (t.indexOf("sk-") >= 0 || t.indexOf("k_") >= 0
              || t.indexOf("github_pat_") >= 0 || t.indexOf("xox") >= 0),
          Validators::tokenWithDigitAndLetter));
      d.add(regex(RedactionFamily.SECRET, p++, BEARER, 1,
          (t, pr) -> pr.digits > 0 && (t.indexOf("earer") >= 0 || t.indexOf("EARER") >= 0),
          Validators::tokenWithDigitAndLetter));
    }
    if (families.contains(RedactionFamily.EMAIL)) {
      d.add(regex(RedactionFamily.EMAIL, p++, EMAIL, 0, (t, pr) -> pr.at, Validators::email));
    }
    if (families.contains(RedactionFamily.IBAN)) {
      d.add(regex(RedactionFamily.IBAN, p++, IBAN, 0, (t, pr) -> pr.digits >= 2 && pr.uppers >= 2,
          Validators::iban));
    }
    if (families.contains(RedactionFamily.CARD)) {
      d.add(regex(RedactionFamily.CARD, p++, CARD, 0, (t, pr) -> pr.digits >= 13,
          Validators::card));
    }
    if (families.contains(RedactionFamily.SSN)) {
      d.add(regex(RedactionFamily.SSN, p++, SSN, 0, (t, pr) -> pr.digits >= 9,
          Validators::ssn));
    }
    if (families.contains(RedactionFamily.IP)) {
      d.add(regex(RedactionFamily.IP, p++, IPV4, 0, (t, pr) -> pr.dots >= 3 && pr.digits >= 4,
          IpAddresses::ipv4));
      // JSON and prose have many colons; an IPv6 address has one between hex digits or colons.
      d.add(regex(RedactionFamily.IP, p++, IPV6, 0, (t, pr) -> pr.colons >= 2 && pr.hexColons >= 1,
          IpAddresses::ipv6));
    }
    if (families.contains(RedactionFamily.PHONE)) {
      d.add(regex(RedactionFamily.PHONE, p++, PHONE_INTERNATIONAL, 0,
          (t, pr) -> pr.digits >= 8 && t.indexOf('+') >= 0, Validators::internationalPhone));
      d.add(regex(RedactionFamily.PHONE, p++, PHONE_NORTH_AMERICA, 0, (t, pr) -> pr.digits >= 10,
          Validators::northAmericanPhone));
      d.add(regex(RedactionFamily.PHONE, p++, PHONE_NATIONAL, 0, (t, pr) -> pr.digits >= 9,
          Validators::nationalPhone));
    }
    return d;
  }

  private static Detector regex(RedactionFamily family, int priority, Pattern pattern, int group,
      RegexDetector.Gate gate, RegexDetector.Check check) {
    return new RegexDetector(family.name(), family, priority, pattern, group, gate, check);
  }
}
