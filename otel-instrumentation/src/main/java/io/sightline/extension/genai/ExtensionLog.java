package io.sightline.extension.genai;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The extension's only way to report its own failures: once per site, at debug level (JUL FINE),
 * never with prompt or completion content. The application never sees these failures.
 */
public final class ExtensionLog {
  private static final Logger logger = Logger.getLogger("io.sightline.extension");
  private static final Set<String> reported = ConcurrentHashMap.newKeySet();

  private ExtensionLog() {}

  /** Logs {@code message} the first time {@code site} reports; later reports are dropped. */
  public static void once(String site, String message, Throwable error) {
    if (reported.size() < 1000 && reported.add(site)) {
      logger.log(Level.FINE, "sightline-extension: " + message + " (further reports from " + site + " suppressed)", error);
    }
  }

  /** A failure inside the extension, caught so that the application carries on unaffected. */
  public static void failure(String site, Throwable error) {
    once(site, "internal failure in " + site + ": " + error, error);
  }
}
