package io.sightline.extension.genai;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** {@code error.type} values: the exception's class name, {@code cancelled} for cancellation. */
public final class ErrorTypes {
  private ErrorTypes() {}

  public static String of(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof CancellationException) {
      return "cancelled";
    }
    return e.getClass().getName();
  }

  public static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
