package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.msgprobe.collector.CollectorConfig;
import dev.msgprobe.collector.CollectorServer;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.store.Store;
import dev.msgprobe.store.Stores;
import dev.msgprobe.testing.Fleet;
import dev.msgprobe.testing.LocalPostgres;
import dev.msgprobe.testing.ReportLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportByNetworkTest {
  private static final String WEB_LINE = "whatsapp web: blocked (tls.reset) on AS12389; reachable on AS31213";

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of("XDG_DATA_HOME", dir.toString()), args);
  }

  private Path[] twoNetworks() throws Exception {
    return new Path[] {
        ReportLines.write(dir.resolve("rt.jsonl"), Fleet.run(8, "AS12389", "RU").toArray(Measurement[]::new)),
        ReportLines.write(dir.resolve("mts.jsonl"), Fleet.run(1, "AS31213", "RU").toArray(Measurement[]::new))};
  }

  @Test
  void byAsn_fromFiles_saysWhereEachServiceIsBlocked() throws Exception {
    Path[] files = twoNetworks();

    assertThat(run("report", "--by", "asn", files[0].toString(), files[1].toString())).as(err.toString()).isZero();

    assertThat(out.toString()).contains("By asn: 2 networks", WEB_LINE, "max: reachable on AS12389, AS31213");
  }

  @Test
  void byAsn_fromASqliteStore_isTheSameTable() throws Exception {
    Path[] files = twoNetworks();
    Path db = dir.resolve("h.db");
    run("import", "--store", db.toString(), files[0].toString(), files[1].toString());

    assertThat(run("report", "--store", db.toString(), "--by", "asn")).as(err.toString()).isZero();
    String fromStore = out.toString();
    run("report", "--by", "asn", files[0].toString(), files[1].toString());

    assertThat(fromStore).isEqualTo(out.toString()).contains(WEB_LINE);
    assertThat(run("report", "--store", db.toString(), "--by", "cc", "--format", "html")).isZero();
    assertThat(out.toString()).contains("<th>RU</th>", "<h2>In words</h2>");
  }

  @Test
  void sinceLeavesOutOlderMeasurements() throws Exception {
    Path[] files = twoNetworks();

    assertThat(run("report", "--by", "asn", "--since", "2026-03-05", files[0].toString(), files[1].toString())).isZero();

    assertThat(out.toString()).contains("By asn: 1 network").doesNotContain("AS31213");
  }

  @Test
  void neitherFilesNorStore_isBadInput() {
    assertThat(run("report")).isEqualTo(2);
    assertThat(err.toString()).contains("give REPORT files or --store URL");
  }

  @Tag("postgres")
  @Test
  void aFleetSubmittingThroughTheCollectorIntoPostgresql_isReportedByAsn() throws Exception {
    assumeTrue(LocalPostgres.unavailable().isEmpty(), () -> "PostgreSQL test skipped: " + LocalPostgres.unavailable().orElse(""));
    String url = LocalPostgres.newDatabase();
    Path[] files = twoNetworks();
    Files.writeString(dir.resolve("tokens"), "probe-rt rt-token-0123456789abcdef\nprobe-mts mts-token-0123456789abcdef\n");
    Files.writeString(dir.resolve("rt.token"), "rt-token-0123456789abcdef\n");
    Files.writeString(dir.resolve("mts.token"), "mts-token-0123456789abcdef\n");
    try (Store store = Stores.open(url, Map.of()).orElseThrow();
        CollectorServer collector = CollectorServer.start(new CollectorConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            store, CollectorCommand.tokens(dir.resolve("tokens"), dev.msgprobe.i18n.Texts.english()), null, 8, 1 << 20, Duration.ofSeconds(10)))) {
      assertThat(run("submit", files[0].toString(), "--to", collector.url(), "--token-file", dir.resolve("rt.token").toString()))
          .as(err.toString()).isZero();
      assertThat(run("submit", files[1].toString(), "--to", collector.url(), "--token-file", dir.resolve("mts.token").toString()))
          .as(err.toString()).isZero();
      assertThat(run("submit", files[1].toString(), "--to", collector.url(), "--token-file", dir.resolve("mts.token").toString()))
          .isZero();
    }

    assertThat(run("report", "--store", url, "--by", "asn")).as(err.toString()).isZero();
    assertThat(out.toString()).contains(WEB_LINE);
    assertThat(run("report", "--store", url, "--by", "probe")).isZero();
    assertThat(out.toString()).contains("whatsapp web: blocked (tls.reset) on probe-rt; reachable on probe-mts");
    assertThat(run("history", "--store", url, "--format", "json")).isZero();
    assertThat(out.toString()).contains("\"report_id\"");
  }
}
