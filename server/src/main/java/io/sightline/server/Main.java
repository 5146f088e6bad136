package io.sightline.server;

import io.sightline.clickhouse.ClickHouseException;
import io.sightline.clickhouse.embedded.ChdbProvisioner;
import io.sightline.clickhouse.schema.MigrationRunner;
import io.sightline.config.Setting;
import io.sightline.config.Settings;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code sightline serve|help}. {@code main} only exits with the code the command returns; the
 * codes are named in {@link ExitCode} and listed by {@code --help}. Stack traces print only with
 * {@code --stacktrace}.
 */
public final class Main {
  private final PrintStream out;
  private final PrintStream err;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new Main(System.out, System.err).run(args).code);
  }

  ExitCode run(String[] args) {
    List<String> argv = List.of(args);
    boolean stacktrace = argv.contains("--stacktrace");
    List<String> rest = argv.stream().filter(a -> !a.equals("--stacktrace")).toList();
    if (rest.isEmpty() || rest.contains("--help") || rest.contains("-h") || rest.getFirst().equals("help")) {
      printHelp(rest.isEmpty() ? err : out);
      return rest.isEmpty() ? ExitCode.USAGE : ExitCode.OK;
    }
    try {
      return switch (rest.getFirst()) {
        case "serve" -> serve(Settings.fromEnvironment());
        default -> {
          err.println("unknown command: " + rest.getFirst() + " (try --help)");
          yield ExitCode.USAGE;
        }
      };
    } catch (IllegalArgumentException e) {
      report(e, stacktrace);
      return ExitCode.USAGE;
    } catch (ClickHouseException | MigrationRunner.MigrationException
        | ChdbProvisioner.ProvisioningException e) {
      report(e, stacktrace);
      return ExitCode.STORE_UNAVAILABLE;
    } catch (RuntimeException e) {
      report(e, stacktrace);
      return ExitCode.FAILURE;
    }
  }

  private ExitCode serve(Settings settings) {
    CountDownLatch stop = new CountDownLatch(1);
    // Handle SIGTERM/SIGINT ourselves: shut down in order and exit 0 rather than 143/130.
    for (String name : List.of("TERM", "INT")) {
      sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.countDown());
    }
    try (SightlineServer server = SightlineServer.start(settings, err)) {
      out.println("Sightline is running. OTLP gRPC: localhost:" + server.otlpGrpcPort()
          + "  OTLP HTTP: http://localhost:" + server.otlpHttpPort() + "  API: http://localhost:"
          + server.httpPort() + "/api/v1  Health: http://localhost:" + server.httpPort()
          + "/health  (Ctrl-C to stop)");
      stop.await();
      out.println("Stopping Sightline...");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCode.OK;
  }

  private void report(RuntimeException e, boolean stacktrace) {
    err.println("sightline: " + e.getMessage());
    if (stacktrace) {
      e.printStackTrace(err);
    } else {
      err.println("(run with --stacktrace for details)");
    }
  }

  private void printHelp(PrintStream p) {
    p.println("""
        Usage: sightline <command> [--stacktrace]

        Commands:
          serve     run the all-in-one server: OTLP ingest, REST API, embedded ClickHouse
          help      show this help

        Configuration: every setting is a -D system property or the environment variable shown;
        a -D property wins over the environment, which wins over the default.
        """);
    for (Map.Entry<String, List<Setting>> group : AllSettings.byGroup().entrySet()) {
      p.println(group.getKey() + ":");
      for (Setting s : group.getValue()) {
        p.printf("  %-40s %s%n", s.env(), s.description());
        p.printf("  %-40s (-D%s, default: %s)%n", "", s.property(),
            s.defaultValue() == null ? "unset" : s.defaultValue().isEmpty() ? "empty" : s.defaultValue());
      }
      p.println();
    }
    p.println("Exit codes:");
    for (ExitCode c : ExitCode.values()) {
      p.printf("  %d  %s%n", c.code, c.meaning);
    }
  }
}
