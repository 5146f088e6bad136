package io.sightline.server.demo;

import io.sightline.config.Setting;
import java.util.List;

/** Settings of {@code sightline demo}; the server's own settings apply as for {@code serve}. */
public final class DemoSettings {
  public static final Setting HOME = Setting.of("sightline.demo.home", ".",
      "Sightline checkout whose built jars the demo runs: the sample app, the OpenTelemetry Java agent and sightline-extension.jar.");
  public static final Setting APP_TIMEOUT = Setting.of("sightline.demo.app-timeout", "3m",
      "How long the demo waits for the sample app to play its conversations.");

  public static final List<Setting> ALL = List.of(HOME, APP_TIMEOUT);

  private DemoSettings() {}
}
