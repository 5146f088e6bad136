package io.sightline.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

import com.fasterxml.jackson.databind.JsonNode;
import io.sightline.clickhouse.StorageSettings;
import io.sightline.config.Settings;
import io.sightline.genai.pricing.CostCalculator;
import io.sightline.genai.pricing.PriceCatalog;
import io.sightline.genai.pricing.Usage;
import io.sightline.ingest.otlp.OtlpSettings;
import io.sightline.server.ServerSettings;
import io.sightline.server.SightlineServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptance test of {@code sightline demo}: the packaged command runs {@code --once} on a
 * fresh data directory, exactly as {@code ./sightline demo --once} runs it (sample app, Java agent
 * and extension in a child JVM, fake provider, OTLP, embedded ClickHouse). Sightline is then
 * reopened on that directory, and the API must show the sessions the app's script produced.
 */
@TestInstance(PER_CLASS)
class DemoIT {
  private static final Pattern RUN_ID = Pattern.compile("\\(run (demo-[a-z0-9]+)\\)");

  @TempDir static Path dataDir;
  private String output;
  private String runId;
  private SightlineServer server;
  private ApiClient api;

  @BeforeAll
  void runTheDemoOnceThenReopenItsData() throws Exception {
    Path log = Files.createTempFile("sightline-demo-it", ".log");
    ProcessBuilder pb = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
        "-jar", Path.of("target", "sightline-server.jar").toString(), "demo", "--once"))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SIGHTLINE_DATA_DIR", dataDir.toString());
    pb.environment().put("SIGHTLINE_HTTP_PORT", "0");
    pb.environment().put("SIGHTLINE_OTLP_GRPC_PORT", "0");
    pb.environment().put("SIGHTLINE_OTLP_HTTP_PORT", "0");
    pb.environment().put("SIGHTLINE_DEMO_HOME", "..");
    pb.environment().remove("SIGHTLINE_CLICKHOUSE_URL");
    Process p = pb.start();
    boolean finished = p.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    output = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    assertThat(finished).as("demo --once within 180 s:\n%s", output).isTrue();
    assertThat(p.exitValue()).as("demo --once exit code:\n%s", output).isZero();
    Matcher m = RUN_ID.matcher(output);
    assertThat(m.find()).as("run id in:\n%s", output).isTrue();
    runId = m.group(1);

    server = SightlineServer.start(Settings.of(Map.of(
        StorageSettings.DATA_DIR.property(), dataDir.toString(),
        ServerSettings.HTTP_PORT.property(), "0",
        OtlpSettings.GRPC_PORT.property(), "0",
        OtlpSettings.HTTP_PORT.property(), "0")), System.err);
    api = new ApiClient("http://localhost:" + server.httpPort(), null);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void demoOnce_passesItsCheck_andTellsTheUserWhereToLook() {
    assertThat(output)
        .contains("[1/4] Starting Sightline", "[2/4] Starting a fake LLM provider",
            "[3/4] Running the sample support agent", "[4/4] Reading back what Sightline recorded")
        .contains("Sightline recorded 4 sessions of 3 users (run " + runId + "): 8 turns in 8 traces")
        .contains("/api/v1/sessions/" + runId + "-order-status/analysis")
        .contains("Demo check passed.")
        .doesNotContain("Exception");
  }

  @ParameterizedTest
  @CsvSource({"order-status, alice, 2", "refund, bob, 2", "shipping-options, carol, 2", "gift-wrap, bob, 2"})
  void session_isThePlayedConversation_withItsUserAndTurns(String topic, String user, int turns) {
    JsonNode s = session(topic);

    assertThat(s.path("userId").asText()).isEqualTo(user);
    assertThat(s.path("turnCount").asInt()).isEqualTo(turns);
    assertThat(s.path("traceCount").asInt()).isEqualTo(turns);
    assertThat(s.path("turns")).allSatisfy(t -> {
      assertThat(t.path("status").asText()).isEqualTo("ok");
      assertThat(t.path("output").asText()).isNotBlank();
    });
    assertThat(ids(api.get("/api/v1/sessions?userId=" + user + "&limit=500").path("items"), "sessionId"))
        .contains(runId + "-" + topic);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "order-status | 1 | lookup_order:error lookup_order:ok",
      "order-status | 2 | get_weather:error",
      "refund       | 1 | search_refund_policy:ok",
      "refund       | 2 | ''",
      "gift-wrap    | 1 | ''"})
  void toolCalls_appearAsStepsWithTheirNameAndStatus(String topic, int turn, String expected) {
    List<String> tools = new ArrayList<>();
    for (JsonNode step : turn(topic, turn).path("steps")) {
      if (step.path("kind").asText().equals("tool")) {
        tools.add(step.path("toolName").asText() + ":" + (step.path("status").asText().equals("error") ? "error" : "ok"));
        assertThat(step.path("requestedBy").path("spanId").asText()).as("the LLM call that asked for it").isNotEmpty();
      }
    }
    assertThat(String.join(" ", tools)).isEqualTo(expected);
  }

  @Test
  void failingTool_notRecovered_isTheRootCauseOfItsTurn() {
    JsonNode weather = toolSteps("order-status", 2).getFirst();
    List<JsonNode> rootCauses = findings("order-status", "root_cause");

    assertThat(rootCauses).hasSize(1);
    assertThat(rootCauses.getFirst().path("turn").asInt()).isEqualTo(2);
    assertThat(rootCauses.getFirst().path("spanIds").get(0).asText()).isEqualTo(weather.path("spanId").asText());
    assertThat(rootCauses.getFirst().path("message").asText()).contains("get_weather");
  }

  @Test
  void failingTool_retriedSuccessfully_isReportedAsRecovered() {
    List<JsonNode> lookups = toolSteps("order-status", 1);
    List<JsonNode> recovered = findings("order-status", "recovered_error");

    assertThat(recovered).hasSize(1);
    assertThat(recovered.getFirst().path("turn").asInt()).isEqualTo(1);
    assertThat(recovered.getFirst().path("spanIds").get(0).asText()).isEqualTo(lookups.get(0).path("spanId").asText());
    assertThat(recovered.getFirst().path("evidence").path("retrySpanId").asText())
        .isEqualTo(lookups.get(1).path("spanId").asText());
  }

  @Test
  void llmCalls_costWhatTheCatalogueSays_forBothModels() {
    PriceCatalog catalog = PriceCatalog.loadDefault();
    List<String> models = new ArrayList<>();
    for (String topic : List.of("order-status", "refund", "shipping-options", "gift-wrap")) {
      JsonNode s = session(topic);
      BigDecimal sessionTotal = BigDecimal.ZERO;
      for (JsonNode step : llmSteps(s)) {
        JsonNode u = step.path("usage");
        assertThat(u.path("inputTokens").asLong()).isPositive();
        BigDecimal expected = CostCalculator.compute(catalog, step.path("provider").asText(),
            step.path("model").asText(), step.path("responseModel").asText(),
            Instant.parse(step.path("start").asText()).toEpochMilli(),
            Usage.builder().inputTokens(u.path("inputTokens").asLong()).outputTokens(u.path("outputTokens").asLong())
                .cacheReadTokens(u.path("cacheReadTokens").asLong()).build()).cost();
        assertThat(expected).as("catalogue price of %s", step.path("model").asText()).isNotNull();
        assertThat(step.path("costUsd").decimalValue()).as("cost of %s", step.path("spanId").asText())
            .isEqualByComparingTo(expected);
        sessionTotal = sessionTotal.add(expected);
        models.add(step.path("model").asText());
      }
      assertThat(s.path("costUsd").decimalValue()).as("cost of session %s", topic).isEqualByComparingTo(sessionTotal);
    }
    assertThat(models).containsOnly("gpt-4o-mini", "gpt-4o").contains("gpt-4o-mini", "gpt-4o");
  }

  @Test
  void streamedAnswers_reportTheirTimeToFirstToken() {
    List<JsonNode> streamed = llmSteps(session("gift-wrap"));
    List<JsonNode> blocking = llmSteps(session("refund"));

    assertThat(streamed).hasSize(2).allSatisfy(step -> {
      assertThat(step.path("streaming").asBoolean()).isTrue();
      assertThat(step.path("ttftMs").asDouble()).isBetween((double) SupportModel.FIRST_TOKEN.toMillis(),
          step.path("latencyMs").asDouble());
    });
    assertThat(blocking).isNotEmpty().allSatisfy(step -> assertThat(step.path("ttftMs").isNull()).isTrue());
  }

  @Test
  void rateLimitedCall_isRetried_andTheCutOffAnswerIsFlagged() {
    List<JsonNode> calls = llmSteps(turn("shipping-options", 1));

    assertThat(calls).hasSize(1);
    JsonNode call = calls.getFirst();
    assertThat(call.path("status").asText()).isNotEqualTo("error");
    assertThat(call.path("model").asText()).isEqualTo(SupportModel.LARGE_MODEL);
    assertThat(call.path("finishReasons").toString()).contains("length");
    assertThat(findings("shipping-options", "rate_limited")).singleElement()
        .satisfies(f -> assertThat(f.path("turn").asInt()).isEqualTo(1));
    assertThat(findings("shipping-options", "truncated_output")).singleElement()
        .satisfies(f -> assertThat(f.path("spanIds").get(0).asText()).isEqualTo(call.path("spanId").asText()));
  }

  @Test
  void policySearch_isARetrievalStepWithItsDocuments() {
    JsonNode search = toolSteps("refund", 1).getFirst();
    JsonNode retrieval = search.path("steps").get(0);

    assertThat(retrieval.path("kind").asText()).isEqualTo("retrieval");
    assertThat(ids(retrieval.path("documents"), "id")).startsWith("returns-30-days");
  }

  @ParameterizedTest
  @CsvSource({"order-status, 1, 1, 0,", "refund, 1, 0, 1, 5.0", "shipping-options, 0, 1, 1, 2.0", "gift-wrap, 1, 0, 0,"})
  void customerFeedback_isAttachedToItsSession(String topic, int up, int down, int ratings, Double ratingAvg) {
    JsonNode feedback = session(topic).path("feedback");

    assertThat(feedback.path("thumbsUp").asInt()).isEqualTo(up);
    assertThat(feedback.path("thumbsDown").asInt()).isEqualTo(down);
    assertThat(feedback.path("ratingCount").asInt()).isEqualTo(ratings);
    assertThat(feedback.path("ratingAvg").isNull() ? null : feedback.path("ratingAvg").asDouble()).isEqualTo(ratingAvg);
  }

  @Test
  void thumbsDown_isAttachedToTheTraceOfTheAnswer() {
    String trace = turn("order-status", 2).path("traceId").asText();

    assertThat(api.get("/api/v1/feedback?traceId=" + trace).path("items")).singleElement().satisfies(f -> {
      assertThat(f.path("name").asText()).isEqualTo("thumbs");
      assertThat(f.path("value").asDouble()).isZero();
      assertThat(f.path("comment").asText()).isEqualTo("It could not tell me anything about the storm");
      assertThat(f.path("userId").asText()).isEqualTo("alice");
    });
  }

  private JsonNode session(String topic) {
    return api.get("/api/v1/sessions/" + runId + "-" + topic);
  }

  private JsonNode turn(String topic, int index) {
    for (JsonNode t : session(topic).path("turns")) {
      if (t.path("index").asInt() == index) {
        return t;
      }
    }
    throw new AssertionError("no turn " + index + " in session " + topic);
  }

  private List<JsonNode> toolSteps(String topic, int turn) {
    return StreamSupport.stream(turn(topic, turn).path("steps").spliterator(), false)
        .filter(s -> s.path("kind").asText().equals("tool")).toList();
  }

  private List<JsonNode> findings(String topic, String type) {
    return StreamSupport.stream(api.get("/api/v1/sessions/" + runId + "-" + topic + "/analysis")
        .path("findings").spliterator(), false).filter(f -> f.path("type").asText().equals(type)).toList();
  }

  /** LLM steps of a session or a turn, nested ones included. */
  private static List<JsonNode> llmSteps(JsonNode sessionOrTurn) {
    List<JsonNode> out = new ArrayList<>();
    if (sessionOrTurn.has("turns")) {
      sessionOrTurn.path("turns").forEach(t -> collectLlm(t.path("steps"), out));
    } else {
      collectLlm(sessionOrTurn.path("steps"), out);
    }
    return out;
  }

  private static void collectLlm(JsonNode steps, List<JsonNode> out) {
    for (JsonNode s : steps) {
      if (s.path("kind").asText().equals("llm")) {
        out.add(s);
      }
      collectLlm(s.path("steps"), out);
    }
  }

  private static List<String> ids(JsonNode items, String field) {
    return StreamSupport.stream(items.spliterator(), false).map(i -> i.path(field).asText()).toList();
  }
}
