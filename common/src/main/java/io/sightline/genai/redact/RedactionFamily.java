package io.sightline.genai.redact;

import java.util.Locale;

/** The built-in kinds of personal data and secrets the {@link Redactor} finds. */
public enum RedactionFamily {
  /** E-mail addresses. */
  EMAIL,
  /** Phone numbers: international {@code +CC ...}, North American, and 0-prefixed national. */
  PHONE,
  /** Payment card numbers: 13–19 digits, known issuer prefix, Luhn-valid. */
  CARD,
  /** IBANs of known countries with the right length and a valid mod-97 check. */
  IBAN,
  /** US social security numbers outside the never-issued ranges. */
  SSN,
  /** IPv4 and IPv6 addresses. */
  IP,
  /** API keys, tokens, bearer credentials, JWTs and PEM private keys. */
  SECRET;

  /** The placeholder written in place of a match, e.g. {@code <EMAIL>}. */
  public String placeholder() {
    return "<" + name() + ">";
  }

  /** The family named {@code name}, case-insensitively; fails listing the valid names. */
  public static RedactionFamily parse(String name) {
    String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    for (RedactionFamily f : values()) {
      if (f.name().equals(n)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown redaction family '" + name + "' (expected one of "
        + "email, phone, card, iban, ssn, ip, secret)");
  }
}
