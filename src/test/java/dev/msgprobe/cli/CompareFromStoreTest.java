package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.testing.Fleet;
import dev.msgprobe.testing.ReportLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare --store URL [OLD_ID NEW_ID]}: two runs of a store, named by report id or the latest two. */
class CompareFromStoreTest {
  private static final String WEB = "https://web.whatsapp.com/";

  @TempDir Path dir;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();
  private Path db;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of("XDG_DATA_HOME", dir.toString()), args);
  }

  private static String reportId(int day) {
    return Fleet.run(day, "AS12389", "RU").get(0).reportId();
  }

  private void importDay(Path store, int day) throws Exception {
    Path report = ReportLines.write(dir.resolve("day" + day + ".jsonl"), Fleet.run(day, "AS12389", "RU").toArray(Measurement[]::new));
    assertThat(run("import", "--store", store.toString(), report.toString())).as(err.toString()).isZero();
  }

  /** Days 2 (whatsapp reachable), 3 (its web endpoint blocked by NXDOMAIN) and 9 (web reset, chat blocked), imported newest first. */
  @BeforeEach
  void threeRunsImportedOutOfOrder() throws Exception {
    db = dir.resolve("h.db");
    importDay(db, 9);
    importDay(db, 2);
    importDay(db, 3);
  }

  @Test
  void twoReportIds_compareThoseRuns() throws Exception {
    assertThat(run("compare", "--store", db.toString(), "--json", reportId(2), reportId(3))).as(err.toString()).isZero();

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.at("/old/report_file").asText()).isEqualTo(reportId(2));
    assertThat(json.at("/new/report_file").asText()).isEqualTo(reportId(3));
    assertThat(json.at("/services/whatsapp/old").asText()).isEqualTo("reachable");
    assertThat(json.at("/services/whatsapp/new").asText()).isEqualTo("partially_blocked");
    assertThat(json.get("endpoints")).hasSize(1);
    assertThat(json.at("/endpoints/0/key").asText()).isEqualTo(WEB);
    assertThat(json.at("/endpoints/0/new/method").asText()).isEqualTo("dns.nxdomain");
  }

  @Test
  void noReportIds_compareTheTwoLatestRunsByStartTime() throws Exception {
    assertThat(run("compare", "--store", db.toString(), "--json")).as(err.toString()).isZero();

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.at("/old/report_file").asText()).isEqualTo(reportId(3));
    assertThat(json.at("/new/report_file").asText()).isEqualTo(reportId(9));
    assertThat(json.get("endpoints")).extracting(e -> e.get("key").asText() + " " + e.get("change").asText())
        .contains(WEB + " method", "tcp://e1.whatsapp.net:443 status");
  }

  @Test
  void table_andFailOnChange_keepTheFileCompareContract() {
    assertThat(run("compare", "--store", db.toString(), "--fail-on-change")).isEqualTo(1);
    assertThat(out.toString()).contains("Old: " + reportId(3) + ", started", "New: " + reportId(9) + ", started");

    assertThat(run("compare", "--store", db.toString(), "--fail-on-change", reportId(3), reportId(3))).isZero();
    assertThat(out.toString()).contains("Endpoints: no change");
  }

  @Test
  void anUnknownReportId_isBadInput_namingTheId() {
    assertThat(run("compare", "--store", db.toString(), reportId(2), "20990101T000000Z_nope")).isEqualTo(2);

    assertThat(err.toString()).contains("no run with report id '20990101T000000Z_nope'", "--store");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void oneReportId_isBadInput() {
    assertThat(run("compare", "--store", db.toString(), reportId(2))).isEqualTo(2);
    assertThat(err.toString()).contains("give two report ids");
  }

  @Test
  void aStoreWithOneRun_isBadInput_fewerThanTwoRuns() throws Exception {
    Path single = dir.resolve("single.db");
    importDay(single, 0);

    assertThat(run("compare", "--store", single.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--store " + single, "holds 1 run; compare needs two");
  }

  @Test
  void reportFilesAndStore_isBadInput_namingBoth() {
    assertThat(run("compare", "--store", db.toString(), dir.resolve("day2.jsonl").toString(),
        dir.resolve("day3.jsonl").toString())).isEqualTo(2);

    assertThat(err.toString()).contains("day2.jsonl' is a report file", "--store", "not both");
  }

  @Test
  void storeNone_isBadInput() {
    assertThat(run("compare", "--store", "none")).isEqualTo(2);
    assertThat(err.toString()).contains("--store none");
  }
}
