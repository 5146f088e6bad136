package io.sightline.extension.genai;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long a stream that is never finished nor closed keeps its span open. One lazily
 * created daemon thread per class loader, which exits after a minute without pending streams.
 */
final class StreamGuard {
  private static volatile ScheduledThreadPoolExecutor executor;

  private StreamGuard() {}

  /** Runs {@code onTimeout} after the configured maximum stream duration; null when disabled. */
  static ScheduledFuture<?> schedule(Runnable onTimeout) {
    long millis = HelperConfig.streamMaxDurationMillis;
    if (millis <= 0) {
      return null;
    }
    try {
      return executor().schedule(onTimeout, millis, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      ExtensionLog.failure("StreamGuard.schedule", e);
      return null;
    }
  }

  private static ScheduledThreadPoolExecutor executor() {
    ScheduledThreadPoolExecutor e = executor;
    if (e == null) {
      synchronized (StreamGuard.class) {
        if (executor == null) {
          ScheduledThreadPoolExecutor created = new ScheduledThreadPoolExecutor(1, new ThreadFactory() {
            @Override
            public Thread newThread(Runnable r) {
              Thread t = new Thread(r, "sightline-stream-guard");
              t.setDaemon(true);
              return t;
            }
          });
          created.setRemoveOnCancelPolicy(true);
          created.setKeepAliveTime(60, TimeUnit.SECONDS);
          created.allowCoreThreadTimeOut(true);
          executor = created;
        }
        e = executor;
      }
    }
    return e;
  }
}
