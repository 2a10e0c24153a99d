package dev.msgprobe.cli;

import static dev.msgprobe.testing.ReportLines.connect;
import static dev.msgprobe.testing.ReportLines.inRun;
import static dev.msgprobe.testing.ReportLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.testing.ReportLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  private static final String WEB = "https://web.whatsapp.com/";
  private static final String DC = "tcp://149.154.175.50:443";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void table_isTheDefault_withTheEndpointsThatAreNotReachable() throws IOException {
    Path report = ReportLines.write(dir.resolve("a.jsonl"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET),
        line(DC, "telegram", Status.REACHABLE, Method.OK));

    int status = run("report", report.toString());

    assertThat(status).isZero();
    assertThat(out.toString()).contains("whatsapp   BLOCKED     1 endpoint: 1 blocked",
        "telegram   REACHABLE   1 endpoint: 1 reachable", "Report: " + report,
        "Not reachable: 1 of 2 endpoints", "whatsapp  blocked  tls.reset  https://web.whatsapp.com/")
        .doesNotContain("\u001b[");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void reportsFromTwoNetworks_areOneTableByNetwork_andTheSameEndpointCountsOnEach() throws IOException {
    Path rostelecom = ReportLines.write(dir.resolve("rt.jsonl"), ReportLines.onNetwork(
        line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET), "AS12389", "PJSC Rostelecom", "RU"));
    Path mts = ReportLines.write(dir.resolve("mts.jsonl"), ReportLines.onNetwork(
        line(WEB, "whatsapp", Status.BLOCKED, Method.TCP_TIMEOUT), "AS8359", "MTS PJSC", "RU"));

    assertThat(run("report", rostelecom.toString(), mts.toString())).isZero();
    String table = out.toString();
    assertThat(table).contains("By network:");
    assertThat(table).containsPattern("whatsapp +AS12389 +blocked +tls\\.reset 1");
    assertThat(table).containsPattern("\\n +AS8359 +blocked +tcp\\.timeout 1");

    out.getBuffer().setLength(0);
    assertThat(run("report", "--format", "json", rostelecom.toString(), mts.toString())).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.at("/services/whatsapp/endpoints").asInt()).isEqualTo(2);
    assertThat(json.at("/by_network/AS12389/whatsapp/methods/tls.reset").asInt()).isEqualTo(1);
    assertThat(json.at("/by_network/AS8359/whatsapp/methods/tcp.timeout").asInt()).isEqualTo(1);
  }

  @Test
  void json_isTheSummaryOfSpec5() throws IOException {
    Path report = ReportLines.write(dir.resolve("a.jsonl"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET));

    int status = run("report", "--format", "json", report.toString());

    assertThat(status).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.fieldNames()).toIterable().containsExactly("software_name", "software_version", "report_file",
        "probe_asn", "probe_cc", "probe_network_name", "probe_location", "started", "runtime", "network_mode", "udp_mode", "controls",
        "services", "by_network");
    assertThat(json.at("/services/whatsapp/status").asText()).isEqualTo("blocked");
    assertThat(json.at("/services/whatsapp/methods/tls.reset").asInt()).isEqualTo(1);
    assertThat(json.get("started").asText()).isEqualTo(ReportLines.STARTED);
  }

  @Test
  void severalReports_countAnEndpointOnce_theLatestWinning() throws IOException {
    Path old = ReportLines.write(dir.resolve("old.jsonl"), inRun(line(WEB, "whatsapp", Status.REACHABLE, Method.OK),
        "r1", "2026-11-28 10:00:00", "2026-11-28 10:00:01"));
    Path fresh = ReportLines.write(dir.resolve("new.jsonl"), inRun(line(WEB, "whatsapp", Status.BLOCKED,
        Method.TLS_RESET), "r2", "2026-11-29 10:00:00", "2026-11-29 10:00:01"));

    int status = run("report", "--format", "json", fresh.toString(), old.toString());

    assertThat(status).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.at("/services/whatsapp/endpoints").asInt()).isEqualTo(1);
    assertThat(json.at("/services/whatsapp/status").asText()).isEqualTo("blocked");
    assertThat(json.get("report_file").asText()).isEqualTo(fresh + ", " + old);
  }

  @Test
  void markdown_hasTheServiceTableAndTheEndpoints() throws IOException {
    Path report = ReportLines.write(dir.resolve("a.jsonl"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET));

    int status = run("report", "--format", "MARKDOWN", report.toString());

    assertThat(status).isZero();
    assertThat(out.toString()).contains("| Service | Status | Endpoints | Top methods | Functions | OONI |",
        "| whatsapp | **blocked** |", "| whatsapp | `https://web.whatsapp.com/` | blocked | tls.reset |");
  }

  @Test
  void html_toAFile_writesThePage_andNothingOnStdout() throws IOException {
    Path report = ReportLines.write(dir.resolve("a.jsonl"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET));
    Path page = dir.resolve("pages/a.html");

    int status = run("report", report.toString(), "--format", "html", "-o", page.toString());

    assertThat(status).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("<h2>whatsapp <span class=\"badge blocked\">");
  }

  @Test
  void outputOntoAnInputReport_isRefused_andTheReportIsKept() throws IOException {
    Path report = ReportLines.write(dir.resolve("a.jsonl"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET));
    byte[] before = Files.readAllBytes(report);

    int status = run("report", report.toString(), "-o", report.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("is one of the reports");
    assertThat(Files.readAllBytes(report)).isEqualTo(before);
  }

  @Test
  void missingFile_isExit2_namingIt() {
    int status = run("report", dir.resolve("nope.jsonl").toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("msgprobe report: " + dir.resolve("nope.jsonl") + ": no such file");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void badMiddleLine_isExit2_withFileAndLine() throws IOException {
    Path report = ReportLines.write(dir.resolve("a.jsonl"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET));
    Files.writeString(report, "{not json\n" + Files.readString(report), StandardCharsets.UTF_8);

    int status = run("report", report.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("msgprobe report: " + report + ":1: not a measurement");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void truncatedLastLine_isAWarning_andTheRestIsSummarised() throws IOException {
    Path report = ReportLines.write(dir.resolve("a.jsonl"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET));
    Files.writeString(report, "{\"input\":\"https://cut", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    int status = run("report", report.toString());

    assertThat(status).isZero();
    assertThat(err.toString()).contains("msgprobe: warning: " + report + ":2: incomplete last line skipped");
    assertThat(out.toString()).contains("whatsapp   BLOCKED");
  }

  @Test
  void unknownFormat_isUsageError() throws IOException {
    Path report = ReportLines.write(dir.resolve("a.jsonl"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET));

    assertThat(run("report", "--format", "pdf", report.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--format");
  }

  @Test
  void reclassify_judgesStoredObservationsAgain_andSaysHowManyChanged() throws IOException {
    Measurement stale = line("tcp://192.0.2.10:443", "telegram", "chat", ReportLines.STARTED, ReportLines.RUN,
        connect("192.0.2.10", 443, null).withVerdict(ReportLines.verdict(Status.BLOCKED, Method.TCP_TIMEOUT)));
    Path report = ReportLines.write(dir.resolve("a.jsonl"), stale);

    int status = run("report", "--reclassify", "--format", "json", report.toString());

    assertThat(status).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).at("/services/telegram/status").asText())
        .isEqualTo("reachable");
    assertThat(err.toString()).contains(report + ": reclassified 1 measurements, 1 verdicts changed");
    assertThat(Files.readString(report)).contains("\"tcp.timeout\"");
  }
}
