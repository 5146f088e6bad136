package io.sightline.server.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The built jars the demo runs, found under the checkout ({@link DemoSettings#HOME}). */
record DemoFiles(Path app, Path javaAgent, Path extension) {
  static final String BUILD_COMMAND = "./mvnw -B -q package -DskipTests -pl server -am";

  static DemoFiles under(Path home) {
    return new DemoFiles(home.resolve("examples/support-agent/target/support-agent.jar"),
        home.resolve("examples/support-agent/target/otel/opentelemetry-javaagent.jar"),
        home.resolve("otel-instrumentation/target/sightline-extension.jar"));
  }

  /** Fails naming every missing jar and how to build them. */
  DemoFiles requireBuilt() {
    List<String> missing = new ArrayList<>();
    for (Path p : List.of(app, javaAgent, extension)) {
      if (!Files.isRegularFile(p)) {
        missing.add(p.toAbsolutePath().normalize().toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("the demo needs jars that are not built: " + String.join(", ", missing)
          + ". Build them with `" + BUILD_COMMAND + "` (./sightline demo does it for you), or point "
          + DemoSettings.HOME.env() + " at a built checkout.");
    }
    return this;
  }
}
