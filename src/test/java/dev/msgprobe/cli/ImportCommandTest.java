package dev.msgprobe.cli;

import static dev.msgprobe.testing.ReportLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.store.Query;
import dev.msgprobe.store.Store;
import dev.msgprobe.store.Stores;
import dev.msgprobe.testing.ReportLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of("XDG_DATA_HOME", dir.resolve("data").toString()), args);
  }

  @Test
  void importingTheSameReportTwice_changesNothing() throws Exception {
    Path report = ReportLines.write(dir.resolve("a.jsonl"), line("https://web.whatsapp.com/", "whatsapp", Status.BLOCKED,
        Method.TLS_RESET), line("tcp://149.154.175.50:443", "telegram", Status.REACHABLE, Method.OK));
    Path db = dir.resolve("h.db");

    assertThat(run("import", "--store", db.toString(), report.toString())).isZero();
    assertThat(out.toString()).contains("a.jsonl: 2 measurements, 2 new");
    long size = Files.size(db);
    assertThat(run("import", "--store", db.toString(), report.toString())).isZero();

    assertThat(out.toString()).contains("a.jsonl: 2 measurements, 0 new");
    try (Store store = Stores.open(db.toString(), Map.of()).orElseThrow()) {
      assertThat(store.measurements(Query.ALL)).hasSize(2);
    }
    assertThat(Files.size(db)).isEqualTo(size);
  }

  @Test
  void withoutStore_importsIntoTheLocalHistoryOfTheEnvironment() throws Exception {
    Path report = ReportLines.write(dir.resolve("a.jsonl"), line("https://web.whatsapp.com/", "whatsapp", Status.BLOCKED,
        Method.TLS_RESET));

    assertThat(run("import", report.toString())).as(err.toString()).isZero();

    assertThat(dir.resolve("data/msgprobe/history.db")).exists();
  }

  @Test
  void aMissingReport_isBadInput_andNamesTheFile() {
    assertThat(run("import", "--store", dir.resolve("h.db").toString(), dir.resolve("nope.jsonl").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nope.jsonl: no such file");
  }

  @Test
  void anUnopenableStore_isBadInput() throws Exception {
    Path report = ReportLines.write(dir.resolve("a.jsonl"), line("https://web.whatsapp.com/", "whatsapp", Status.BLOCKED,
        Method.TLS_RESET));
    Files.writeString(dir.resolve("file"), "x");

    assertThat(run("import", "--store", dir.resolve("file/h.db").toString(), report.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("msgprobe import: ");
  }
}
