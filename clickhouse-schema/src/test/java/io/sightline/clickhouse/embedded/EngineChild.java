package io.sightline.clickhouse.embedded;

import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Column;
import io.sightline.clickhouse.format.InsertBatch;
import io.sightline.clickhouse.format.InsertFormat;
import io.sightline.clickhouse.testing.TestStore;
import java.util.List;

/** A separate JVM for {@link EngineLifecycleIT}: writes or reads, then exits without closing. */
public final class EngineChild {
  public static void main(String[] args) {
    String mode = args[0];
    ClickHouseGateway g = EmbeddedGateway.open(TestStore.engine(), "lifecycle", 2, false);
    if (mode.equals("write")) {
      g.execute(Statement.of("create", "CREATE TABLE IF NOT EXISTS kept (n UInt32) ENGINE = MergeTree ORDER BY n"));
      InsertBatch.Builder b = InsertBatch.builder("kept", List.of(Column.of("n", "UInt32")), InsertFormat.NATIVE);
      for (int i = 0; i < 1000; i++) {
        b.addRow(i);
      }
      g.insert(b.build());
      System.out.println("wrote 1000");
    } else {
      long n = g.query(Statement.of("count", "SELECT count() AS c FROM kept")).getFirst().longValue("c");
      System.out.println("rows=" + n);
    }
    // Deliberately no close(): the engine's exit hook must still leave cleanly.
    if (mode.equals("read-and-exit")) {
      System.exit(0);
    }
  }
}
