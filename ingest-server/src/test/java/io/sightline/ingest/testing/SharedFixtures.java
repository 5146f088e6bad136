package io.sightline.ingest.testing;

import io.sightline.ingest.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads captured OTLP fixtures from {@code ${sightline.shared.dir}/fixtures} (Maven sets the
 * property; without it, {@code ../shared} relative to the repository root).
 */
public final class SharedFixtures {
    private SharedFixtures() {}

    public static Path sharedDir() {
        String configured = System.getProperty("sightline.shared.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("set -Dsightline.shared.dir: no repository root above "
                    + Path.of("").toAbsolutePath());
        }
        return dir.resolve("../shared").normalize();
    }

    /** One export request of a {@code .jsonl} fixture: its signal and the raw OTLP/JSON body. */
    public record Request(String signal, byte[] body) {}

    /** The requests of a fixture file, in order; each line is {@code {"signal":..,"body":{..}}}. */
    public static List<Request> requests(String fileName) throws IOException {
        Path file = sharedDir().resolve("fixtures").resolve(fileName);
        List<Request> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            if (!(Json.parse(line) instanceof Map<?, ?> m) || !(m.get("signal") instanceof String signal)
                    || !(m.get("body") instanceof Map<?, ?> body)) {
                throw new IllegalStateException("unexpected fixture line in " + file);
            }
            out.add(new Request(signal, Json.write(body).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }
}
