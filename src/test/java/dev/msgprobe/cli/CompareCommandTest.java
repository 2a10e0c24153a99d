package dev.msgprobe.cli;

import static dev.msgprobe.testing.ReportLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.testing.ReportLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  private static final String WEB = "https://web.whatsapp.com/";
  private static final String DC = "tcp://149.154.175.50:443";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path reachable;
  private Path blocked;

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @BeforeEach
  void reports() throws IOException {
    reachable = ReportLines.write(dir.resolve("old.jsonl"), line(WEB, "whatsapp", Status.REACHABLE, Method.OK),
        line(DC, "telegram", Status.BLOCKED, Method.TCP_TIMEOUT));
    blocked = ReportLines.write(dir.resolve("new.jsonl"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET),
        line(DC, "telegram", Status.BLOCKED, Method.TCP_TIMEOUT));
  }

  @Test
  void table_showsServiceAndEndpointChanges_exit0() {
    int status = run("compare", reachable.toString(), blocked.toString());

    assertThat(status).isZero();
    assertThat(out.toString()).contains("Old: " + reachable + ", started", "New: " + blocked + ", started",
        "whatsapp  reachable  blocked  changed", "telegram  blocked    blocked",
        "status  whatsapp  https://web.whatsapp.com/  reachable  blocked tls.reset",
        "Endpoints: 1 status changed, 0 method changed, 0 added, 0 removed, 1 unchanged.");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void failOnChange_withAStatusChange_isExit1() {
    assertThat(run("compare", "--fail-on-change", reachable.toString(), blocked.toString())).isEqualTo(1);
  }

  @Test
  void failOnChange_withoutAChange_isExit0() {
    assertThat(run("compare", "--fail-on-change", blocked.toString(), blocked.toString())).isZero();
    assertThat(out.toString()).contains("Endpoints: no change (2 with the same verdict).");
  }

  @Test
  void failOnChange_ignoresEndpointsOfOneRunOnly() throws IOException {
    Path more = ReportLines.write(dir.resolve("more.jsonl"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET),
        line(DC, "telegram", Status.BLOCKED, Method.TCP_TIMEOUT),
        line("tcp://149.154.167.51:443", "telegram", Status.BLOCKED, Method.TCP_TIMEOUT));

    assertThat(run("compare", "--fail-on-change", blocked.toString(), more.toString())).isZero();
    assertThat(out.toString()).contains("added   telegram  tcp://149.154.167.51:443  -    blocked tcp.timeout");
  }

  @Test
  void json_hasStableFieldNames() throws IOException {
    int status = run("compare", "--json", reachable.toString(), blocked.toString());

    assertThat(status).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("status_changed").asBoolean()).isTrue();
    assertThat(json.at("/old/report_file").asText()).isEqualTo(reachable.toString());
    assertThat(json.at("/services/whatsapp/old").asText()).isEqualTo("reachable");
    assertThat(json.at("/services/whatsapp/new").asText()).isEqualTo("blocked");
    assertThat(json.at("/endpoints/0/key").asText()).isEqualTo(WEB);
    assertThat(json.at("/endpoints/0/change").asText()).isEqualTo("status");
    assertThat(json.at("/endpoints/0/new/method").asText()).isEqualTo("tls.reset");
    assertThat(json.get("unchanged_endpoints").asInt()).isEqualTo(1);
  }

  @Test
  void missingFile_isExit2() {
    int status = run("compare", "--fail-on-change", reachable.toString(), dir.resolve("nope.jsonl").toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("msgprobe compare: " + dir.resolve("nope.jsonl") + ": no such file");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void badLine_isExit2_withFileAndLine() throws IOException {
    Files.writeString(blocked, "garbage\n" + Files.readString(blocked));

    assertThat(run("compare", reachable.toString(), blocked.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(blocked + ":1: not a measurement");
  }

  @Test
  void oneReportOnly_isUsageError() {
    assertThat(run("compare", reachable.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("NEW");
  }
}
