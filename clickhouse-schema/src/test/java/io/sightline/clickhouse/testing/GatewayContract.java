package io.sightline.clickhouse.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.clickhouse.ClickHouseException;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Column;
import io.sightline.clickhouse.format.InsertBatch;
import io.sightline.clickhouse.format.InsertFormat;
import io.sightline.clickhouse.format.Row;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every gateway implementation must do, run against a real ClickHouse (embedded or server).
 * Subclasses supply the gateway; each test creates its own tables.
 */
public abstract class GatewayContract {

  /** Strings that would change a statement if they were ever spliced into SQL text. */
  public static final List<String> HOSTILE = List.of(
      "') OR 1=1 --",
      "'; DROP TABLE users; --",
      "x' OR 'a'='a",
      "\\'; SELECT 1; --",
      "back\\slash \\n not a newline",
      "tab\there\nnewline\r\nand crlf",
      "semi;colons;;",
      "{param:String}",
      "\"double\" `back` 'single'",
      "unicode ✓ 日本語 \uD83D\uDE00",
      "nul\0byte",
      "");

  protected abstract ClickHouseGateway gateway();

  private String table(String prefix) {
    String name = TestStore.uniqueName(prefix);
    return name;
  }

  private static final List<Column> ROUND_TRIP_COLUMNS = List.of(
      Column.of("id", "UInt32"),
      Column.of("t", "DateTime64(9, 'UTC')"),
      Column.of("d", "DateTime('UTC')"),
      Column.of("day", "Date"),
      Column.of("u8", "UInt8"),
      Column.of("u64", "UInt64"),
      Column.of("i64", "Int64"),
      Column.of("i8", "Int8"),
      Column.of("f64", "Float64"),
      Column.of("b", "Bool"),
      Column.of("s", "String"),
      Column.of("lc", "LowCardinality(String)"),
      Column.of("fs", "FixedString(16)"),
      Column.of("uuid", "UUID"),
      Column.of("dec", "Decimal(18, 9)"),
      Column.of("dec38", "Decimal(38, 9)"),
      Column.of("ndec", "Nullable(Decimal(18, 9))"),
      Column.of("e", "Enum8('ok' = 1, 'error' = 2)"),
      Column.of("ns", "Nullable(String)"),
      Column.of("arr", "Array(String)"),
      Column.of("arr_lc", "Array(LowCardinality(String))"),
      Column.of("m", "Map(String, String)"),
      Column.of("m_lc", "Map(LowCardinality(String), UInt64)"),
      Column.of("nested.time", "Array(DateTime64(9, 'UTC'))"),
      Column.of("nested.name", "Array(LowCardinality(String))"),
      Column.of("nested.attributes", "Array(Map(String, String))"));

  private static final String ROUND_TRIP_DDL = """
      CREATE TABLE %s (
        id UInt32, t DateTime64(9, 'UTC'), d DateTime('UTC'), day Date, u8 UInt8, u64 UInt64,
        i64 Int64, i8 Int8, f64 Float64, b Bool, s String, lc LowCardinality(String),
        fs FixedString(16), uuid UUID, dec Decimal(18, 9), dec38 Decimal(38, 9),
        ndec Nullable(Decimal(18, 9)), e Enum8('ok' = 1, 'error' = 2), ns Nullable(String),
        arr Array(String), arr_lc Array(LowCardinality(String)), m Map(String, String),
        m_lc Map(LowCardinality(String), UInt64),
        nested Nested(time DateTime64(9, 'UTC'), name LowCardinality(String), attributes Map(String, String))
      ) ENGINE = MergeTree ORDER BY id""";

  @ParameterizedTest
  @EnumSource(InsertFormat.class)
  void insert_everyColumnType_roundTripsExactly(InsertFormat format) {
    String t = table("round_trip");
    gateway().execute(Statement.of("create_round_trip", ROUND_TRIP_DDL.formatted(t)));
    Instant nanos = Instant.ofEpochSecond(1_795_787_324L, 991_000_123);
    Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999999999Z");
    UUID uuid = UUID.fromString("0192f7c4-5e1b-7a3d-9c2e-4b5a6d7e8f90");
    Map<String, String> attrs = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      attrs.put("gen_ai.attr." + i, "value ; " + i);
    }
    List<Object[]> rows = List.of(
        new Object[] {1L, nanos, Instant.ofEpochSecond(1_795_787_324L), LocalDate.of(2026, 11, 27), 255,
            -1L /* UInt64 max */, Long.MIN_VALUE, -128, 0.1 + 0.2, true, "a;b\0c ✓", "openai",
            "0123456789abcdef", uuid, new BigDecimal("123.000000001"),
            new BigDecimal("-12345678901234567890.123456789"), new BigDecimal("0.000123000"), "error",
            "present", List.of("x", ";", ""), List.of("stop", "length"), attrs, Map.of("input", 600L),
            List.of(nanos, beforeEpoch), List.of("gen_ai.choice", "exception"),
            List.of(Map.of("k", "v"), Map.of())},
        new Object[] {2L, beforeEpoch, Instant.EPOCH, LocalDate.of(1970, 1, 1), 0, 0L, 0L, 0, 0.0,
            false, "", "", "", new UUID(0, 0), BigDecimal.ZERO, BigDecimal.ZERO, null, "ok", null,
            List.of(), List.of(), Map.of(), Map.of(), List.of(), List.of(), List.of()});
    InsertBatch.Builder b = InsertBatch.builder(t, ROUND_TRIP_COLUMNS, format);
    rows.forEach(b::addRow);
    gateway().insert(b.build());

    List<Row> back = gateway().query(Statement.of("select_round_trip",
        "SELECT * FROM " + t + " ORDER BY id"));
    assertThat(back).hasSize(2);
    Row r = back.get(0);
    assertThat(r.instant("t")).isEqualTo(nanos);
    assertThat(r.instant("d")).isEqualTo(Instant.ofEpochSecond(1_795_787_324L));
    assertThat(r.get("day")).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(r.longValue("u8")).isEqualTo(255);
    assertThat(Long.toUnsignedString(r.longValue("u64"))).isEqualTo("18446744073709551615");
    assertThat(r.longValue("i64")).isEqualTo(Long.MIN_VALUE);
    assertThat(r.longValue("i8")).isEqualTo(-128);
    assertThat(r.doubleValue("f64")).isEqualTo(0.1 + 0.2);
    assertThat(r.bool("b")).isTrue();
    assertThat(r.string("s")).isEqualTo("a;b\0c ✓");
    assertThat(r.string("lc")).isEqualTo("openai");
    assertThat(r.string("fs")).isEqualTo("0123456789abcdef");
    assertThat(r.get("uuid")).isEqualTo(uuid);
    assertThat(r.decimal("dec")).isEqualByComparingTo("123.000000001");
    assertThat(r.decimal("dec38")).isEqualByComparingTo("-12345678901234567890.123456789");
    assertThat(r.decimal("ndec")).isEqualByComparingTo("0.000123");
    assertThat(r.string("e")).isEqualTo("error");
    assertThat(r.string("ns")).isEqualTo("present");
    assertThat(r.<String>list("arr")).containsExactly("x", ";", "");
    assertThat(r.<String>list("arr_lc")).containsExactly("stop", "length");
    assertThat(r.<String, String>map("m")).containsExactlyEntriesOf(attrs);
    assertThat(r.<String, Long>map("m_lc")).containsExactlyEntriesOf(Map.of("input", 600L));
    assertThat(r.<Instant>list("nested.time")).containsExactly(nanos, beforeEpoch);
    assertThat(r.<String>list("nested.name")).containsExactly("gen_ai.choice", "exception");
    assertThat(r.<Map<String, String>>list("nested.attributes"))
        .containsExactly(Map.of("k", "v"), Map.of());

    Row empty = back.get(1);
    assertThat(empty.instant("t")).isEqualTo(beforeEpoch);
    assertThat(empty.get("ndec")).isNull();
    assertThat(empty.get("ns")).isNull();
    assertThat(empty.string("e")).isEqualTo("ok");
    assertThat(empty.<String>list("arr")).isEmpty();
    assertThat(empty.<String, String>map("m")).isEmpty();
    assertThat(empty.bool("b")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(InsertFormat.class)
  void insert_concatenatedBatches_insertEveryRow(InsertFormat format) {
    String t = table("concat");
    gateway().execute(Statement.of("create_concat",
        "CREATE TABLE " + t + " (id UInt32, tags Array(String)) ENGINE = MergeTree ORDER BY id"));
    List<Column> cols = List.of(Column.of("id", "UInt32"), Column.of("tags", "Array(String)"));
    List<InsertBatch> parts = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      InsertBatch.Builder b = InsertBatch.builder(t, cols, format);
      for (int i = 0; i < 100; i++) {
        b.addRow(p * 100 + i, List.of("p" + p, "i" + i));
      }
      parts.add(b.build());
    }
    InsertBatch all = InsertBatch.concat(parts);
    assertThat(all.rows()).isEqualTo(300);
    gateway().insert(all);
    Row r = gateway().query(Statement.of("count_concat",
        "SELECT count() AS n, uniqExact(id) AS ids, sum(length(tags)) AS tags FROM " + t)).getFirst();
    assertThat(r.longValue("n")).isEqualTo(300);
    assertThat(r.longValue("ids")).isEqualTo(300);
    assertThat(r.longValue("tags")).isEqualTo(600);
  }

  @Test
  void insert_rowsAcrossManyDailyPartitions_inOneBatch() {
    String t = table("partitions");
    gateway().execute(Statement.of("create_partitions", "CREATE TABLE " + t
        + " (t DateTime64(9, 'UTC'), n UInt32) ENGINE = MergeTree PARTITION BY toYYYYMMDD(t) ORDER BY t"));
    InsertBatch.Builder b = InsertBatch.builder(t, List.of(Column.of("t", "DateTime64(9, 'UTC')"),
        Column.of("n", "UInt32")), InsertFormat.NATIVE);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int day = 0; day < 150; day++) {
      b.addRow(start.plusSeconds(86_400L * day), day);
    }
    gateway().insert(b.build());
    assertThat(gateway().query(Statement.of("count_partitions",
        "SELECT uniqExact(toYYYYMMDD(t)) AS d FROM " + t)).getFirst().longValue("d")).isEqualTo(150);
  }

  @Test
  void parameters_hostileStrings_storedAndMatchedLiterally() {
    String t = table("hostile");
    gateway().execute(Statement.of("create_hostile",
        "CREATE TABLE " + t + " (id UInt32, s String) ENGINE = MergeTree ORDER BY id"));
    InsertBatch.Builder b = InsertBatch.builder(t, List.of(Column.of("id", "UInt32"),
        Column.of("s", "String")), InsertFormat.NATIVE);
    for (int i = 0; i < HOSTILE.size(); i++) {
      b.addRow(i, HOSTILE.get(i));
    }
    gateway().insert(b.build());
    // Also through an INSERT with bound parameters.
    for (int i = 0; i < HOSTILE.size(); i++) {
      gateway().execute(Statement.of("insert_hostile",
              "INSERT INTO " + t + " (id, s) VALUES ({id:UInt32}, {s:String})")
          .bind("id", 100 + i).bind("s", HOSTILE.get(i)));
    }
    for (int i = 0; i < HOSTILE.size(); i++) {
      String h = HOSTILE.get(i);
      List<Row> hits = gateway().query(Statement.of("match_hostile",
          "SELECT id, s FROM " + t + " WHERE s = {s:String} ORDER BY id").bind("s", h));
      assertThat(hits).as("rows matching %s", h).extracting(r -> r.longValue("id"))
          .containsExactly((long) i, 100L + i);
      assertThat(hits).extracting(r -> r.string("s")).containsOnly(h);
    }
    assertThat(gateway().query(Statement.of("count_hostile", "SELECT count() AS n FROM " + t))
        .getFirst().longValue("n")).isEqualTo(2L * HOSTILE.size());
  }

  @Test
  void parameters_arrayOfHostileStrings_matchLiterally() {
    List<Row> rows = gateway().query(Statement.of("array_param",
        "SELECT arrayJoin({values:Array(String)}) AS v").bind("values", HOSTILE));
    assertThat(rows).extracting(r -> r.string("v")).containsExactlyElementsOf(HOSTILE);
    List<Row> in = gateway().query(Statement.of("array_in",
        "SELECT count() AS n FROM (SELECT arrayJoin({a:Array(String)}) AS v) WHERE v IN {a:Array(String)}")
        .bind("a", HOSTILE));
    assertThat(in.getFirst().longValue("n")).isEqualTo(HOSTILE.size());
  }

  @Test
  void parameters_instantAndNumbers_bindExactly() {
    Instant at = Instant.ofEpochSecond(1_795_787_324L, 991_000_123);
    Row r = gateway().query(Statement.of("bind_types",
            "SELECT fromUnixTimestamp64Nano({t:Int64}, 'UTC') AS t, {d:Decimal(18, 9)} AS d, "
                + "{b:Bool} AS b, {n:Nullable(String)} AS n")
        .bind("t", at).bind("d", new BigDecimal("1.000000001")).bind("b", true).bind("n", null))
        .getFirst();
    assertThat(r.instant("t")).isEqualTo(at);
    assertThat(r.decimal("d")).isEqualByComparingTo("1.000000001");
    assertThat(r.bool("b")).isTrue();
    assertThat(r.get("n")).isNull();
  }

  @Test
  void errors_unknownTable_carryCodeNameAndStatementButNoValues() {
    Statement st = Statement.of("select_missing",
        "SELECT * FROM no_such_table_here WHERE s = {s:String}").bind("s", "secret-value");
    assertThatThrownBy(() -> gateway().query(st))
        .isInstanceOfSatisfying(ClickHouseException.class, e -> {
          assertThat(e.code()).isEqualTo(60);
          assertThat(e.errorName()).isEqualTo("UNKNOWN_TABLE");
          assertThat(e.statementName()).isEqualTo("select_missing");
          assertThat(e.sql()).contains("{s:String}");
          assertThat(e.getMessage()).contains("select_missing").doesNotContain("secret-value");
          assertThat(e.isTransient()).isFalse();
        });
  }

  @Test
  void errors_syntaxError_mapsCode62() {
    assertThatThrownBy(() -> gateway().execute(Statement.of("broken", "SELEC 1")))
        .isInstanceOfSatisfying(ClickHouseException.class, e -> {
          assertThat(e.code()).isEqualTo(62);
          assertThat(e.errorName()).isEqualTo("SYNTAX_ERROR");
        });
  }

  @Test
  void errors_badInsertData_failsWithoutPartialSuccessReported() {
    String t = table("bad_insert");
    gateway().execute(Statement.of("create_bad",
        "CREATE TABLE " + t + " (id UInt32) ENGINE = MergeTree ORDER BY id"));
    // Declares a column the table does not have.
    InsertBatch batch = InsertBatch.builder(t, List.of(Column.of("nope", "UInt32")),
        InsertFormat.ROW_BINARY).addRow(1).build();
    assertThatThrownBy(() -> gateway().insert(batch)).isInstanceOf(ClickHouseException.class)
        .satisfies(e -> assertThat(((ClickHouseException) e).code()).isEqualTo(16));
  }

  @Test
  void concurrency_eightThreadsMixingInsertsAndSelects_keepEveryRow() throws Exception {
    String t = table("concurrent");
    gateway().execute(Statement.of("create_concurrent",
        "CREATE TABLE " + t + " (thread UInt8, seq UInt32, payload String) ENGINE = MergeTree ORDER BY (thread, seq)"));
    int threads = 8;
    int batches = 20;
    int perBatch = 250;
    List<Column> cols = List.of(Column.of("thread", "UInt8"), Column.of("seq", "UInt32"),
        Column.of("payload", "String"));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    List<Long> observed = Collections.synchronizedList(new ArrayList<>());
    for (int th = 0; th < threads; th++) {
      int thread = th;
      futures.add(pool.submit(() -> {
        for (int batch = 0; batch < batches; batch++) {
          InsertBatch.Builder b = InsertBatch.builder(t, cols,
              thread % 2 == 0 ? InsertFormat.NATIVE : InsertFormat.ROW_BINARY);
          for (int i = 0; i < perBatch; i++) {
            int seq = batch * perBatch + i;
            b.addRow(thread, seq, "t" + thread + "-" + seq);
          }
          gateway().insert(b.build());
          long mine = gateway().query(Statement.of("count_mine",
                  "SELECT count() AS n FROM " + t + " WHERE thread = {th:UInt8}").bind("th", thread))
              .getFirst().longValue("n");
          assertThat(mine).isEqualTo((long) (batch + 1) * perBatch);
          observed.add(mine);
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    List<Row> perThread = gateway().query(Statement.of("verify_concurrent",
        "SELECT thread, count() AS n, uniqExact(seq) AS seqs, "
            + "countIf(payload = concat('t', toString(thread), '-', toString(seq))) AS ok "
            + "FROM " + t + " GROUP BY thread ORDER BY thread"));
    assertThat(perThread).hasSize(threads);
    for (Row r : perThread) {
      assertThat(r.longValue("n")).isEqualTo(batches * perBatch);
      assertThat(r.longValue("seqs")).isEqualTo(batches * perBatch);
      assertThat(r.longValue("ok")).isEqualTo(batches * perBatch);
    }
    assertThat(observed).hasSize(threads * batches);
  }

  @Test
  void stream_writesResultInNamedFormat() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    gateway().stream(Statement.of("stream_numbers",
            "SELECT toUInt32(number) AS n, toString(number) AS s FROM numbers({count:UInt32})").bind("count", 3),
        "JSONEachRow", out);
    assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().toList()).containsExactly(
        "{\"n\":0,\"s\":\"0\"}", "{\"n\":1,\"s\":\"1\"}", "{\"n\":2,\"s\":\"2\"}");
  }
}
