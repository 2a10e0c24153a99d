package dev.msgprobe.engine;

import static dev.msgprobe.testing.ReportLines.connect;
import static dev.msgprobe.testing.ReportLines.inRun;
import static dev.msgprobe.testing.ReportLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.Status;
import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.report.SummarisedRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredReportsTest {
  private static final String WEB = "https://web.whatsapp.com/";

  @Test
  void endpointInTwoReports_countsOnce_withItsLatestVerdict() {
    LoadedReport older = report("a.jsonl", inRun(line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET), "r1",
        "2026-11-28 10:00:00", "2026-11-28 10:00:01"));
    LoadedReport newer = report("b.jsonl", inRun(line(WEB, "whatsapp", Status.REACHABLE, Method.OK), "r2",
        "2026-11-29 10:00:00", "2026-11-29 10:00:01"));

    SummarisedRun run = StoredReports.summarise(List.of(newer, older));

    assertThat(run.measurements()).hasSize(1);
    assertThat(run.summary().services().get("whatsapp").status()).isEqualTo("reachable");
    assertThat(run.summary().services().get("whatsapp").endpoints()).isEqualTo(1);
    assertThat(run.summary().reportFile()).isEqualTo("b.jsonl, a.jsonl");
    assertThat(run.summary().started()).isEqualTo("2026-11-28 10:00:01");
  }

  @Test
  void runtime_isTheSumOfEachRunsSpan_notTheTimeBetweenRuns() {
    Measurement m = line(WEB, "whatsapp", Status.REACHABLE, Method.OK); // test_runtime 1.5 s
    LoadedReport report = report("a.jsonl",
        inRun(m, "r1", "2026-11-28 10:00:00", "2026-11-28 10:00:02"),
        inRun(m, "r1", "2026-11-28 10:00:00", "2026-11-28 10:00:08"),
        inRun(m, "r2", "2026-11-30 09:00:00", "2026-11-30 09:00:01"));

    assertThat(StoredReports.runtime(report.measurements())).isEqualTo(9.5 + 2.5);
  }

  @Test
  void controlsThatAllFailed_makeTheNetworkOffline() {
    Measurement domestic = line("tcp://192.0.2.1:443", "control", "domestic", "2026-11-28 10:15:03", "r",
        connect("192.0.2.1", 443, "connection_refused"));
    Measurement foreign = line("tcp://192.0.2.2:443", "control", "foreign", "2026-11-28 10:15:03", "r",
        connect("192.0.2.2", 443, "generic_timeout_error"));

    RunSummary summary = StoredReports.summarise(List.of(report("a.jsonl", domestic, foreign,
        line(WEB, "whatsapp", Status.INCONCLUSIVE, Method.TLS_RESET)))).summary();

    assertThat(summary.networkMode()).isEqualTo("offline");
    assertThat(summary.controls()).containsOnlyKeys("tcp://192.0.2.1:443", "tcp://192.0.2.2:443");
    assertThat(summary.services()).containsOnlyKeys("whatsapp");
  }

  @Test
  void onlyDomesticControlsWorking_isAnAllowlist() {
    Measurement domestic = line("tcp://192.0.2.1:443", "control", "domestic", "2026-11-28 10:15:03", "r",
        connect("192.0.2.1", 443, null));
    Measurement foreign = line("tcp://192.0.2.2:443", "control", "foreign", "2026-11-28 10:15:03", "r",
        connect("192.0.2.2", 443, "generic_timeout_error"));

    assertThat(StoredReports.summarise(List.of(report("a.jsonl", domestic, foreign))).summary().networkMode())
        .isEqualTo("allowlist");
  }

  @Test
  void versionsAndNetworks_thatDiffer_areAllNamed() {
    Measurement a = line(WEB, "whatsapp", Status.REACHABLE, Method.OK);
    Measurement b = a.withInput("https://max.ru/").withProbeNetwork("AS12389", "RU", null)
        .withResolverNetwork(null, null, null).withSoftware("msgprobe", "0.2.0");

    RunSummary summary = StoredReports.summarise(List.of(report("a.jsonl", a, b))).summary();

    assertThat(summary.softwareVersion()).isEqualTo("0.1.0, 0.2.0");
    assertThat(summary.probeAsn()).isEqualTo("AS0, AS12389");
    assertThat(summary.probeCc()).isEqualTo("ZZ, RU");
  }

  @Test
  void emptyReport_summarisesToNoServices() {
    RunSummary summary = StoredReports.summarise(List.of(report("empty.jsonl"))).summary();

    assertThat(summary.services()).isEmpty();
    assertThat(summary.started()).isNull();
    assertThat(summary.runtime()).isZero();
    assertThat(summary.networkMode()).isEqualTo("normal");
  }

  private static LoadedReport report(String file, Measurement... lines) {
    return new LoadedReport(Path.of(file), List.of(lines), List.of());
  }
}
