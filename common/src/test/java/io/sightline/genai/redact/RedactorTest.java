package io.sightline.genai.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedactorTest {
  private static final String KEY = "test-hash-key-0123456789";
  private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
      + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
      + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

  static Stream<Arguments> redactions() {
    return Stream.of(
        Arguments.argumentSet("email", "mail anna.b+x@mail.example.co.uk now",
            "mail <EMAIL> now"),
        Arguments.argumentSet("email at sentence end", "write to bob@example.com.",
            "write to <EMAIL>."),
        Arguments.argumentSet("two emails", "a@b.io, c@d.org", "<EMAIL>, <EMAIL>"),
        Arguments.argumentSet("phone international", "call +44 20 7946 0958 today",
            "call <PHONE> today"),
        Arguments.argumentSet("phone with (0)", "Tel +49 (0)30 901820", "Tel <PHONE>"),
        Arguments.argumentSet("phone north american", "(415) 555-0199 or 212.555.0147",
            "<PHONE> or <PHONE>"),
        Arguments.argumentSet("phone extension stays", "415-555-0132x22", "<PHONE>x22"),
        Arguments.argumentSet("phone national", "ring 07700 900123", "ring <PHONE>"),
        Arguments.argumentSet("phone national parenthesised", "ring (020) 7946 0958",
            "ring <PHONE>"),
        Arguments.argumentSet("card spaced", "Visa 4111 1111 1111 1111, exp 12/27",
            "Visa <CARD>, exp 12/27"),
        Arguments.argumentSet("card dashed", "5555-5555-5555-4444", "<CARD>"),
        Arguments.argumentSet("card amex grouping", "3782 822463 10005.", "<CARD>."),
        Arguments.argumentSet("card then year", "4111 1111 1111 1111 2027", "<CARD> 2027"),
        Arguments.argumentSet("iban spaced", "to DE89 3704 0044 0532 0130 00.", "to <IBAN>."),
        Arguments.argumentSet("iban compact", "GB82WEST12345698765432", "<IBAN>"),
        Arguments.argumentSet("iban then BIC", "BE68 5390 0754 7034 BIC GKCCBEBB",
            "<IBAN> BIC GKCCBEBB"),
        Arguments.argumentSet("ssn", "SSN 123-45-6789.", "SSN <SSN>."),
        Arguments.argumentSet("ssn spaced", "ssn 401 33 7788", "ssn <SSN>"),
        Arguments.argumentSet("ssn with leading zero", "078-05-1120", "<SSN>"),
        Arguments.argumentSet("ipv4 with port", "host 10.0.0.12:8080 down", "host <IP>:8080 down"),
        Arguments.argumentSet("ipv4 at sentence end", "from 127.0.0.1.", "from <IP>."),
        Arguments.argumentSet("ipv6 compressed", "client 2001:db8::8a2e:370:7334 ok",
            "client <IP> ok"),
        Arguments.argumentSet("ipv6 loopback in brackets", "[::1]:5432", "[<IP>]:5432"),
        Arguments.argumentSet("ipv6 with ipv4 tail", "::ffff:192.0.2.128.", "<IP>."),
        Arguments.argumentSet("openai key", "key sk-proj-4fJ9kLm2Qx7Rt1Vb8Nc3Zp6Wd0Ys5Ha2",
            "key <SECRET>"),
        Arguments.argumentSet("anthropic key", "sk-ant-api03-Xy7kP2mQ9rT4vB1nC8zL5wD3fG6hJ0sA-bN2",
            "<SECRET>"),
        Arguments.argumentSet("aws key id", "id=AKIAIOSFODNN7EXAMPLE;", "id=<SECRET>;"),
        Arguments.argumentSet("github token", "ghp_1A2b3C4d5E6f7G8h9I0jK1lM2nO3pQ4rS5tU6 x",
            "<SECRET> x"),
        Arguments.argumentSet("github pat",
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", "<SECRET>"),
        Arguments.argumentSet("slack token", "xoxb-123456789012-1234567890123-AbCdEfGhIjKl",
            "<SECRET>"),
        Arguments.argumentSet("google key", "AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI",
            "<SECRET>"),
        Arguments.argumentSet("bearer keeps scheme",
            "Authorization: Bearer 8f3a2b1c9d4e5f60718293a4b5c6d7e8",
            "Authorization: Bearer <SECRET>"),
        Arguments.argumentSet("jwt", "token=" + JWT + "&x=1", "token=<SECRET>&x=1"),
        Arguments.argumentSet("pem block",
            "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n"
                + "-----END RSA PRIVATE KEY-----\nthanks",
            "key:\n<SECRET>\nthanks"),
        Arguments.argumentSet("pem truncated", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg",
            "<SECRET>"),
        Arguments.argumentSet("several families",
            "Jane (jane@x.org, +1 415 555 0132) paid with 4111111111111111 from 10.1.2.3",
            "Jane (<EMAIL>, <PHONE>) paid with <CARD> from <IP>"));
  }

  @ParameterizedTest
  @MethodSource("redactions")
  void redact_defaults_replacesWithTypedPlaceholder(String input, String expected) {
    assertThat(Redactor.defaults().redact(input).text()).isEqualTo(expected);
  }

  static Stream<Arguments> lookAlikes() {
    return Stream.of(
        Arguments.argumentSet("invalid luhn", "4111 1111 1111 1112"),
        Arguments.argumentSet("unknown issuer", "1234 5678 9012 3456"),
        Arguments.argumentSet("epoch millis", "1714998645123"),
        Arguments.argumentSet("isbn", "ISBN 978-3-16-148410-0"),
        Arguments.argumentSet("ssn area 000", "000-12-3456"),
        Arguments.argumentSet("ssn area 666", "666-12-3456"),
        Arguments.argumentSet("ssn area 9xx", "912-34-5678"),
        Arguments.argumentSet("ssn group 00", "123-00-4567"),
        Arguments.argumentSet("ssn serial 0000", "123-45-0000"),
        Arguments.argumentSet("iban bad checksum", "DE89370400440532013001"),
        Arguments.argumentSet("iban unknown country", "ZZ89370400440532013000"),
        Arguments.argumentSet("octet out of range", "256.1.1.1"),
        Arguments.argumentSet("five parts", "1.2.3.4.5"),
        Arguments.argumentSet("version label", "version 4.1.2.0"),
        Arguments.argumentSet("time", "12:30:45"),
        Arguments.argumentSet("mac address", "00:1A:2B:3C:4D:5E"),
        Arguments.argumentSet("c++ scope", "std::vector and a::b"),
        Arguments.argumentSet("handle", "@username"),
        Arguments.argumentSet("no tld", "user@localhost"),
        Arguments.argumentSet("image asset", "logo@2x.png"),
        Arguments.argumentSet("package version", "@angular/core@17.0.1"),
        Arguments.argumentSet("uuid", "550e8400-e29b-41d4-a716-446655440000"),
        Arguments.argumentSet("git sha", "9fceb02d0ae598e95dc970b74767f19372d61af8"),
        Arguments.argumentSet("price", "$1,299.99"),
        Arguments.argumentSet("words after sk-", "sk-learn-is-a-python-library-for-ml"),
        Arguments.argumentSet("bearer prose", "the bearer token is in the vault"),
        Arguments.argumentSet("one jwt segment", "eyJhbGciOiJIUzI1NiJ9"),
        Arguments.argumentSet("certificate",
            "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----"),
        Arguments.argumentSet("short phone-like code", "800-555-01"),
        Arguments.argumentSet("plus points", "+5 points, +1 from me"),
        Arguments.argumentSet("date", "2024-05-06 and 05/06/2024"));
  }

  @ParameterizedTest
  @MethodSource("lookAlikes")
  void redact_lookAlike_leavesTextUntouched(String input) {
    RedactionResult r = Redactor.defaults().redact(input);

    assertThat(r.text()).isSameAs(input);
    assertThat(r.count()).isZero();
    assertThat(r.categories()).isEmpty();
  }

  @Test
  void redact_matches_reportsCountAndSortedCategories() {
    RedactionResult r = Redactor.defaults().redact("a@b.io c@d.io 10.0.0.1 +1 415 555 0132");

    assertThat(r.count()).isEqualTo(4);
    assertThat(r.categories()).containsExactly("EMAIL", "IP", "PHONE");
  }

  @Test
  void redact_nullOrEmpty_isReturnedAsIs() {
    assertThat(Redactor.defaults().redact(null).text()).isNull();
    assertThat(Redactor.defaults().redact("").text()).isEmpty();
  }

  @Test
  void hashMode_equalValuesLinkable_differentValuesNot() {
    Redactor r = Redactor.builder().mode(RedactionMode.HASH).hashKey(KEY).build();

    String a = r.redact("john@example.com").text();
    String b = r.redact("JOHN@Example.com").text();
    String c = r.redact("jane@example.com").text();

    assertThat(a).matches("<EMAIL:[0-9a-f]{8}>").isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void hashMode_formattingVariantsOfANumber_hashAlike() {
    Redactor r = Redactor.builder().mode(RedactionMode.HASH).hashKey(KEY).build();

    assertThat(r.redact("4111 1111 1111 1111").text())
        .isEqualTo(r.redact("4111-1111-1111-1111").text());
    assertThat(r.redact("+1 415 555 0132").text()).isEqualTo(r.redact("+1-415-555-0132").text());
  }

  @Test
  void hashMode_otherKey_otherHash() {
    Redactor one = Redactor.builder().mode(RedactionMode.HASH).hashKey(KEY).build();
    Redactor two = Redactor.builder().mode(RedactionMode.HASH).hashKey(KEY + "x").build();

    assertThat(one.redact("10.0.0.1").text()).isNotEqualTo(two.redact("10.0.0.1").text());
  }

  @Test
  void hashMode_withoutLongEnoughKey_isRejected() {
    assertThatThrownBy(() -> Redactor.builder().mode(RedactionMode.HASH).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hash key of at least 16 characters");
    assertThatThrownBy(() -> Redactor.builder().mode(RedactionMode.HASH).hashKey("short").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builder_disabledFamily_isNotRedacted() {
    Redactor r = Redactor.builder().disable(RedactionFamily.IP, RedactionFamily.EMAIL).build();

    assertThat(r.redact("a@b.io from 10.0.0.1, ssn 123-45-6789").text())
        .isEqualTo("a@b.io from 10.0.0.1, ssn <SSN>");
    assertThat(r.families()).doesNotContain(RedactionFamily.IP, RedactionFamily.EMAIL);
  }

  @Test
  void builder_onlyChosenFamilies_areRedacted() {
    Redactor r = Redactor.builder().families(EnumSet.of(RedactionFamily.SECRET)).build();

    assertThat(r.redact("a@b.io AKIAIOSFODNN7EXAMPLE").text()).isEqualTo("a@b.io <SECRET>");
  }

  @Test
  void addPattern_userPattern_replacedByItsNameAndWinsSameSpan() {
    Redactor r = Redactor.builder()
        .addPattern("employee_id", "EMP-\\d{6}")
        .addPattern("ACCOUNT", "\\b\\d{3}-\\d{2}-\\d{4}\\b")
        .build();

    RedactionResult result = r.redact("EMP-123456 filed 123-45-6789");

    assertThat(result.text()).isEqualTo("<EMPLOYEE_ID> filed <ACCOUNT>");
    assertThat(result.categories()).containsExactly("ACCOUNT", "EMPLOYEE_ID");
    assertThat(r.patternNames()).containsExactly("ACCOUNT", "EMPLOYEE_ID");
  }

  @Test
  void addPattern_badInput_explains() {
    assertThatThrownBy(() -> Redactor.builder().addPattern("1x", "a"))
        .hasMessageContaining("'1x' must be a letter");
    assertThatThrownBy(() -> Redactor.builder().addPattern("email", "a"))
        .hasMessageContaining("is a built-in family");
    assertThatThrownBy(() -> Redactor.builder().addPattern("X", "a").addPattern("x", "b"))
        .hasMessageContaining("'X' is defined twice");
    assertThatThrownBy(() -> Redactor.builder().addPattern("X", "(a"))
        .hasMessageContaining("'X' has an invalid regex");
  }

  @Test
  void none_findsNothing() {
    String text = "a@b.io 4111 1111 1111 1111";

    assertThat(Redactor.none().redact(text).text()).isSameAs(text);
    assertThat(Redactor.none().isEnabled()).isFalse();
  }

  static Stream<Arguments> adversarial() {
    return Stream.of(
        Arguments.argumentSet("letters", repeat("a", 1 << 20)),
        Arguments.argumentSet("digits", repeat("1", 1 << 20)),
        Arguments.argumentSet("spaced digits", repeat("1 ", 1 << 19)),
        Arguments.argumentSet("dashed digits", repeat("4-", 1 << 19)),
        Arguments.argumentSet("card-like groups", repeat("4111 ", 1 << 18)),
        Arguments.argumentSet("at signs", repeat("a@", 1 << 19)),
        Arguments.argumentSet("long local part", repeat("a.", 1 << 19) + "@x"),
        Arguments.argumentSet("long domain", "x@" + repeat("a-", 1 << 19)),
        Arguments.argumentSet("dotted labels", "x@" + repeat("a.", 1 << 19)),
        Arguments.argumentSet("plus digits", repeat("+1 ", 1 << 18)),
        Arguments.argumentSet("trunk zeros", repeat("01 ", 1 << 18)),
        Arguments.argumentSet("colons", repeat("1:", 1 << 19)),
        Arguments.argumentSet("hex and colons", repeat("ab:", 1 << 18)),
        Arguments.argumentSet("dots", repeat("1.", 1 << 19)),
        Arguments.argumentSet("iban-like", repeat("DE89 ", 1 << 18)),
        Arguments.argumentSet("jwt-like", repeat("eyJa.", 1 << 18)),
        Arguments.argumentSet("long jwt head", "eyJ" + repeat("a", 1 << 20)),
        Arguments.argumentSet("long key", "sk-" + repeat("a1", 1 << 19)),
        Arguments.argumentSet("bearer", repeat("Bearer ", 1 << 17)),
        Arguments.argumentSet("pem headers", repeat("-----BEGIN PRIVATE KEY-----", 1 << 15)),
        Arguments.argumentSet("pem prefixes", repeat("-----BEGIN ", 1 << 16)));
  }

  @ParameterizedTest
  @MethodSource("adversarial")
  void redact_megabyteOfNearMisses_terminates(String input) {
    RedactionResult r = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> Redactor.defaults().redact(input));

    assertThat(r.text()).isNotNull();
  }

  private static String repeat(String s, int times) {
    StringBuilder b = new StringBuilder(s.length() * times);
    for (int i = 0; i < times; i++) {
      b.append(s);
    }
    return b.toString();
  }
}
