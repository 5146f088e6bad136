package io.sightline.genai.redact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with the configured key, shortened to 8 hex digits for a linkable placeholder. */
final class Hasher {
  private static final String ALGORITHM = "HmacSHA256";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SecretKeySpec key;

  Hasher(String key) {
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    newMac();
  }

  /** A fresh MAC per redacted text: {@link Mac} is not thread-safe and the redactor is shared. */
  Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** First 8 hex digits of HMAC-SHA256({@code label + ":" + value}). */
  static String hash(Mac mac, String label, String value) {
    mac.reset();
    mac.update(label.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) ':');
    byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    char[] out = new char[8];
    for (int i = 0; i < 4; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[digest[i] & 0xF];
    }
    return new String(out);
  }
}
