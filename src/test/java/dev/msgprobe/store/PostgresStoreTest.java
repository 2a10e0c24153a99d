package dev.msgprobe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.msgprobe.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgres")
class PostgresStoreTest extends StoreContract {
  String url;

  @BeforeAll
  static void needsPostgres() {
    assumeTrue(LocalPostgres.unavailable().isEmpty(), () -> "PostgreSQL tests skipped: " + LocalPostgres.unavailable().orElse(""));
  }

  @Override
  Store openStore() throws Exception {
    url = LocalPostgres.newDatabase();
    return Stores.open(url, Map.of()).orElseThrow();
  }

  @Test
  void measurementsGoToTheirMonthsPartition() throws Exception {
    store.add(List.of(at(dev.msgprobe.testing.ReportLines.line(WEB, "whatsapp", dev.msgprobe.model.Status.REACHABLE,
        dev.msgprobe.model.Method.OK), "r", "2026-03-05 10:00:00")), "local");

    String db = url.substring(url.lastIndexOf('/') + 1);
    String port = url.replaceAll(".*:(\\d+)/.*", "$1");
    List<String> partitions = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db, "msgprobe", "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT tableoid::regclass::text, count(*) FROM measurements GROUP BY 1")) {
      while (rs.next()) {
        partitions.add(rs.getString(1) + "=" + rs.getInt(2));
      }
    }
    assertThat(partitions).containsExactly("measurements_y2026m03=1");
  }
}
