package io.sightline.query.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.format.InsertFormat;
import io.sightline.clickhouse.tables.LogEventRow;
import io.sightline.clickhouse.tables.LogEventsTable;
import io.sightline.clickhouse.tables.SpanContentRow;
import io.sightline.clickhouse.tables.SpanContentTable;
import io.sightline.clickhouse.tables.SpanRow;
import io.sightline.clickhouse.tables.SpansTable;
import io.sightline.ingest.decode.DecodeLimits;
import io.sightline.ingest.decode.OtlpDecoder;
import io.sightline.ingest.decode.OtlpEncoding;
import io.sightline.ingest.model.NormalizedBatch;
import io.sightline.ingest.model.NormalizedLogEvent;
import io.sightline.ingest.model.NormalizedResult;
import io.sightline.ingest.model.NormalizedSpan;
import io.sightline.ingest.model.SpanContent;
import io.sightline.ingest.normalize.Normalizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a captured OTLP fixture from {@code ../shared/fixtures} through ingest's real decoder
 * and normaliser and writes the rows. The last step (normalised records to rows) is a plain
 * field copy here; pricing and redaction are ingest's enrichment, not needed to rebuild sessions.
 */
public final class FixtureRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FixtureRows() {}

  public static Path fixture(String name) {
    return Path.of(System.getProperty("sightline.shared.dir", "../shared"), "fixtures", name);
  }

  public static void load(ClickHouseGateway g, String project, String fixture) throws Exception {
    OtlpDecoder decoder = new OtlpDecoder(DecodeLimits.DEFAULTS);
    Normalizer normalizer = new Normalizer();
    List<SpanRow> spans = new ArrayList<>();
    List<SpanContentRow> content = new ArrayList<>();
    List<LogEventRow> logs = new ArrayList<>();
    for (String line : Files.readAllLines(fixture(fixture), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode req = JSON.readTree(line);
      byte[] body = JSON.writeValueAsBytes(req.get("body"));
      NormalizedBatch batch = req.get("signal").asText().equals("traces")
          ? normalizer.normalize(decoder.decodeTraces(body, OtlpEncoding.JSON).spans(), List.of())
          : normalizer.normalize(List.of(), decoder.decodeLogs(body, OtlpEncoding.JSON).records());
      for (NormalizedResult r : batch.spans()) {
        spans.add(span(project, r));
        if (!isEmpty(r.content())) {
          content.add(content(project, r));
        }
      }
      for (NormalizedLogEvent e : batch.logEvents()) {
        logs.add(new LogEventRow(project, 30, e.traceId(), e.spanId(), e.eventId(),
            instant(e.timeNanos()), Instant.EPOCH, e.eventName(), e.serviceName(), e.message(),
            e.attributes()));
      }
    }
    g.insert(SpansTable.batch(spans, InsertFormat.NATIVE));
    g.insert(SpanContentTable.batch(content, InsertFormat.NATIVE));
    g.insert(LogEventsTable.batch(logs, InsertFormat.NATIVE));
  }

  private static SpanRow span(String project, NormalizedResult r) {
    NormalizedSpan s = r.span();
    return SpanRow.builder().projectId(project).traceId(s.traceId()).spanId(s.spanId())
        .parentSpanId(s.parentSpanId()).startTime(instant(s.startNanos()))
        .durationNanos(s.endNanos() - s.startNanos()).serviceName(s.serviceName())
        .serviceVersion(s.serviceVersion()).environment(s.environment()).scopeName(s.scopeName())
        .scopeVersion(s.scopeVersion()).spanName(s.spanName()).spanKind(s.spanKind().columnValue())
        .statusCode(s.statusCode().columnValue()).statusMessage(s.statusMessage())
        .obsType(s.obsType().columnValue()).operationName(s.operationName()).provider(s.provider())
        .requestModel(s.requestModel()).responseModel(s.responseModel()).responseId(s.responseId())
        .agentName(s.agentName()).agentId(s.agentId()).toolName(s.toolName())
        .toolCallId(s.toolCallId()).sessionId(s.sessionId()).userId(s.userId())
        .promptName(s.promptName()).promptVersion(s.promptVersion())
        .finishReasons(s.finishReasons()).errorType(s.errorType()).errorMessage(s.errorMessage())
        .streaming(s.streaming()).ttftMillis(s.ttftMs()).inputTokens(s.usage().input())
        .outputTokens(s.usage().output()).totalTokens(s.usage().total())
        .cacheReadTokens(s.usage().cacheRead()).cacheWriteTokens(s.usage().cacheWrite())
        .reasoningTokens(s.usage().reasoning()).usageIsRollup(s.usageIsRollup())
        .costUsd(s.reportedCostUsd()).inputPreview(r.content().inputPreview())
        .outputPreview(r.content().outputPreview()).semconvSource(s.semconvSource().columnValue())
        .spanAttributes(s.spanAttributes()).resourceAttributes(s.resourceAttributes())
        .events(s.events().stream().map(e -> new SpanRow.Event(instant(e.timeNanos()), e.name(),
            e.attributes())).toList())
        .links(s.links().stream().map(l -> new SpanRow.Link(l.traceId(), l.spanId(),
            l.attributes())).toList())
        .build();
  }

  private static SpanContentRow content(String project, NormalizedResult r) {
    SpanContent c = r.content();
    return new SpanContentRow(project, 30, r.span().traceId(), r.span().spanId(),
        instant(r.span().startNanos()), Instant.EPOCH, c.systemInstructions(), c.inputMessages(),
        c.outputMessages(), c.toolDefinitions(), c.toolArguments(), c.toolResult(),
        c.retrievalDocuments(), c.genericInput(), c.genericOutput(), List.of(), 0, 0);
  }

  private static boolean isEmpty(SpanContent c) {
    return c.systemInstructions().isEmpty() && c.inputMessages().isEmpty()
        && c.outputMessages().isEmpty() && c.toolDefinitions().isEmpty()
        && c.toolArguments().isEmpty() && c.toolResult().isEmpty()
        && c.retrievalDocuments().isEmpty() && c.genericInput().isEmpty()
        && c.genericOutput().isEmpty();
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
