package dev.msgprobe.report;

import dev.msgprobe.model.NetworkMode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryWriterTest {
  @TempDir
  Path dir;

  @Test
  void summaryPath_replacesJsonlExtension() {
    assertThat(SummaryWriter.summaryPath(Path.of("reports/x.jsonl"))).isEqualTo(Path.of("reports/x.summary.json"));
    assertThat(SummaryWriter.summaryPath(Path.of("x.jsonl"))).isEqualTo(Path.of("x.summary.json"));
  }

  @Test
  void summaryPath_appendsWhenTheNameDoesNotEndInJsonl() {
    assertThat(SummaryWriter.summaryPath(Path.of("out/run.json"))).isEqualTo(Path.of("out/run.json.summary.json"));
    assertThat(SummaryWriter.summaryPath(Path.of("out/run"))).isEqualTo(Path.of("out/run.summary.json"));
  }

  @Test
  void write_putsPrettyJsonBesideTheReport_andLeavesNoTemporaryFile() throws IOException {
    Path report = dir.resolve("reports/x.jsonl");

    Path written = SummaryWriter.write(report, Fixtures.summary());

    assertThat(written).isEqualTo(dir.resolve("reports/x.summary.json"));
    assertThat(Files.readString(written)).isEqualTo(ReportJson.summaryJson(Fixtures.summary()));
    try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
      assertThat(files).containsExactly(written);
    }
  }

  @Test
  void write_replacesAnOlderSummary() throws IOException {
    Path report = dir.resolve("x.jsonl");
    SummaryWriter.write(report, Fixtures.summary());
    RunSummary later = new RunSummary("msgprobe", "0.1.0", "x.jsonl", "AS0", "ZZ", "2026-11-28 11:00:00", 1.0,
        NetworkMode.OFFLINE, null, null);

    SummaryWriter.write(report, later);

    assertThat(ReportJson.parseSummary(Files.readString(dir.resolve("x.summary.json")))).isEqualTo(later);
  }
}
