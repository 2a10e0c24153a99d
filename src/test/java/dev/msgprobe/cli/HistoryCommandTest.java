package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.testing.Fleet;
import dev.msgprobe.testing.ReportLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
  @TempDir Path dir;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();
  private Path db;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of("XDG_DATA_HOME", dir.toString()), args);
  }

  @BeforeEach
  void tenDailyRunsImported() throws Exception {
    db = dir.resolve("h.db");
    for (int d = 0; d < 10; d++) {
      Path report = ReportLines.write(dir.resolve("day" + d + ".jsonl"), Fleet.run(d, "AS12389", "RU").toArray(Measurement[]::new));
      assertThat(run("import", "--store", db.toString(), report.toString())).as(err.toString()).isZero();
    }
  }

  @Test
  void table_listsTheRunsAndTheMethodChanges() {
    assertThat(run("history", "--store", db.toString())).as(err.toString()).isZero();

    assertThat(out.toString()).contains("10 runs from 2026-03-01 10:00:00 to 2026-03-10 10:00:00 UTC",
        "whatsapp web: dns.nxdomain \u2192 tls.reset on 2026-03-08");
  }

  @Test
  void serviceAndSince_narrowTheHistory() throws Exception {
    assertThat(run("history", "--store", db.toString(), "--service", "telegram", "--since", "2026-03-06", "--format", "json"))
        .as(err.toString()).isZero();

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("runs")).hasSize(5);
    assertThat(json.at("/runs/0/services").fieldNames()).toIterable().containsExactly("telegram");
    assertThat(json.get("changes")).extracting(c -> c.get("text").asText())
        .containsExactly("telegram: tcp.throttle \u2192 reachable on 2026-03-09",
            "telegram dc: tcp.throttle \u2192 reachable on 2026-03-09");
  }

  @Test
  void markdownAndHtml_areWrittenToFiles() throws Exception {
    assertThat(run("history", "--store", db.toString(), "--format", "html", "-o", dir.resolve("h.html").toString())).isZero();
    assertThat(run("history", "--store", db.toString(), "--format", "markdown")).isZero();

    assertThat(Files.readString(dir.resolve("h.html"))).startsWith("<!DOCTYPE html>").contains("<svg");
    assertThat(out.toString()).contains("| started (UTC) | network | whatsapp | telegram | max |",
        "- whatsapp web: dns.nxdomain \u2192 tls.reset on 2026-03-08");
  }

  @Test
  void aBadDate_isBadInput_namingTheOption() {
    assertThat(run("history", "--store", db.toString(), "--since", "last tuesday")).isEqualTo(2);
    assertThat(err.toString()).contains("--since", "not a date: 'last tuesday'");
  }

  @Test
  void storeNone_isBadInput() {
    assertThat(run("history", "--store", "none")).isEqualTo(2);
  }
}
