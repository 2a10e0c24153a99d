package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.helper.ControlServer;
import dev.msgprobe.helper.HelperConfig;
import dev.msgprobe.net.Trust;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code msgprobe run} end to end in-process, loopback only, with its exit statuses. */
@Timeout(60)
class RunCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private LoopbackServer silent;
  private LoopbackServer silent2;
  private int closed;
  private int closed2;

  @BeforeEach
  void servers() throws IOException {
    silent = LoopbackServer.start(Handlers.silent());
    silent2 = LoopbackServer.start(Handlers.silent());
    closed = LoopbackServer.closedPort();
    closed2 = LoopbackServer.closedPort();
  }

  @AfterEach
  void stop() {
    silent.close();
    silent2.close();
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of("run", "--no-progress", "--no-doh", "--resolver-echo", "none", "--stun", "none",
        "--resolver", "127.0.0.1:" + closed, "--timeout", "1", "--store", "none"));
    all.addAll(List.of(args));
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
  }

  private static List<JsonNode> lines(Path report) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(report)) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  private Path controls(String... rows) throws IOException {
    return Files.writeString(dir.resolve("controls.csv"), "url,function\n" + String.join("\n", rows) + "\n");
  }

  @Test
  void refusedEndpointWithWorkingControl_isWrittenWithVerdictAndSummary_exit0() throws IOException {
    Path report = dir.resolve("r.jsonl");
    Path ctl = controls("tcp://127.0.0.1:" + silent.port() + ",domestic", "tcp://127.0.0.1:" + silent2.port() + ",foreign");

    int status = run("--controls", ctl.toString(), "-o", report.toString(), "tcp://127.0.0.1:" + closed);

    assertThat(status).as(err.toString()).isEqualTo(0);
    List<JsonNode> lines = lines(report);
    JsonNode endpoint = lines.stream().filter(n -> n.get("input").asText().endsWith(":" + closed)).findFirst().orElseThrow();
    assertThat(endpoint.get("test_name").asText()).isEqualTo("msgprobe_endpoint");
    assertThat(endpoint.get("probe_ip").asText()).isEqualTo("127.0.0.1");
    assertThat(endpoint.at("/test_keys/tcp_connect/0/status/failure").asText()).isEqualTo("connection_refused");
    assertThat(endpoint.at("/test_keys/verdict/method").asText()).isEqualTo("tcp.refused");
    assertThat(lines).filteredOn(n -> n.at("/annotations/service").asText().equals("control")).hasSize(2);
    JsonNode summary = JSON.readTree(dir.resolve("r.summary.json").toFile());
    assertThat(summary.get("network_mode").asText()).isEqualTo("normal");
    assertThat(summary.get("services").has("control")).isFalse();
    assertThat(out.toString()).contains("Summary: " + dir.resolve("r.summary.json"));
  }

  @Test
  void defaultTransferAll_uploadsToAnUnmarkedHttpEndpoint_andTransferNoneDoesNot() throws IOException {
    try (LoopbackServer web = LoopbackServer.start(Handlers.readBodyThenOk())) {
      String url = "http://127.0.0.1:" + web.port() + "/";
      Path all = dir.resolve("all.jsonl");
      Path none = dir.resolve("none.jsonl");

      assertThat(run("--controls", "none", "-o", all.toString(), url)).as(err.toString()).isEqualTo(0);
      assertThat(run("--controls", "none", "--transfer", "none", "-o", none.toString(), url)).as(err.toString())
          .isEqualTo(0);

      assertThat(lines(all).get(0).at("/test_keys/x_transfers")).singleElement()
          .satisfies(t -> assertThat(t.get("direction").asText()).isEqualTo("upload"));
      assertThat(lines(none).get(0).at("/test_keys/x_transfers")).isEmpty();
    }
  }

  @Test
  void everyControlFailing_makesEndpointsInconclusive_exit3() throws IOException {
    Path report = dir.resolve("offline.jsonl");
    Path ctl = controls("https://127.0.0.1:" + closed + "/,domestic", "https://127.0.0.1:" + closed2 + "/,foreign");

    int status = run("--controls", ctl.toString(), "-o", report.toString(), "tcp://127.0.0.1:" + closed);

    assertThat(status).isEqualTo(3);
    assertThat(err.toString()).contains("no control was reachable");
    JsonNode endpoint = lines(report).stream()
        .filter(n -> !n.at("/annotations/service").asText().equals("control")).findFirst().orElseThrow();
    assertThat(endpoint.at("/test_keys/verdict/status").asText()).isEqualTo("inconclusive");
    assertThat(JSON.readTree(dir.resolve("offline.summary.json").toFile()).get("network_mode").asText())
        .isEqualTo("offline");
  }

  @Test
  void failOnMatchingServiceStatus_exit1_andOtherStatus_exit0() {
    int matched = run("--controls", "none", "-o", dir.resolve("a.jsonl").toString(), "--fail-on", "inconclusive,down",
        "tcp://127.0.0.1:" + closed);
    int notMatched = run("--controls", "none", "-o", dir.resolve("b.jsonl").toString(), "--fail-on", "reachable",
        "tcp://127.0.0.1:" + closed);

    assertThat(matched).isEqualTo(1);
    assertThat(notMatched).isEqualTo(0);
  }

  @Test
  void jsonFlag_printsTheSummaryJsonOnStdout() throws IOException {
    int status = run("--controls", "none", "--json", "-o", dir.resolve("j.jsonl").toString(),
        "tcp://127.0.0.1:" + silent.port());

    assertThat(status).isEqualTo(0);
    JsonNode summary = JSON.readTree(out.toString());
    assertThat(summary.get("software_name").asText()).isEqualTo("msgprobe");
    assertThat(summary.at("/services/127.0.0.1/status").asText()).isEqualTo("reachable");
  }

  @Test
  void badListFile_namesFileAndLine_exit2_andWritesNothing() throws IOException {
    Path list = Files.writeString(dir.resolve("bad.csv"), "url,service\nhttps://ok.example/,x\nftp://nope/,x\n");
    Path report = dir.resolve("never.jsonl");

    int status = run("--controls", "none", "-o", report.toString(), list.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains(list + ":3:");
    assertThat(report).doesNotExist();
  }

  @Test
  void unknownTargetAndBadFlags_exit2() {
    assertThat(run("--controls", "none", "no-such-list")).isEqualTo(2);
    assertThat(run("--controls", "none", "--parallel", "0", "whatsapp")).isEqualTo(2);
    assertThat(run("--controls", "none", "--parallel", "many", "whatsapp")).isEqualTo(2);
    assertThat(run("--controls", "none", "--parallel", "4097", "whatsapp")).isEqualTo(2);
    assertThat(run("--controls", "none", "--fail-on", "sometimes", "whatsapp")).isEqualTo(2);
    assertThat(run("--controls", "none", "--resolver", "dns.example", "whatsapp")).isEqualTo(2);
    assertThat(run("--controls", "none", "--resume", "whatsapp")).isEqualTo(2);
    assertThat(run("--controls", "none", "--transfer", "some", "whatsapp")).isEqualTo(2);
    assertThat(run("--no-such-flag")).isEqualTo(2);
    assertThat(err.toString()).contains("--parallel must be 'auto' or a number, got 'many'")
        .contains("--parallel must be 'auto' or between 1 and 4096, got 4097");
    assertThat(err.toString()).contains("--parallel").contains("--fail-on").contains("--resolver").contains("--resume")
        .contains("--transfer: unknown transfer mode 'some' (use all, marked or none)");
  }

  @Test
  void timeoutBelowOneMillisecond_isRefused_namingTheFlag() {
    int status = run("--controls", "none", "--timeout", "0.0004", "-o", dir.resolve("t.jsonl").toString(),
        "tcp://127.0.0.1:" + closed);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--timeout");
    assertThat(dir.resolve("t.jsonl")).doesNotExist();
  }

  @Test
  void ipEchoThatIsNotHttps_isRefused_namingTheFlag() {
    int status = run("--controls", "none", "--ip-echo", "http://127.0.0.1:" + silent.port() + "/ip", "-o",
        dir.resolve("e.jsonl").toString(), "tcp://127.0.0.1:" + closed);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--ip-echo: not an https URL: http://127.0.0.1:");
    assertThat(dir.resolve("e.jsonl")).doesNotExist();
    assertThat(silent.accepted()).isZero();
  }

  @Test
  void resolverEchoWithAnEmptyLabel_isRefused_namingTheFlag() {
    int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "run", "--no-progress",
        "--no-doh", "--resolver-echo", "whoami..example", "--resolver", "127.0.0.1:" + closed, "--controls", "none",
        "-o", dir.resolve("e.jsonl").toString(), "tcp://127.0.0.1:" + closed);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--resolver-echo", "whoami..example");
  }

  @Test
  void resumeOnAFileThatIsNotAReport_isRefused_exit2_andTheFileIsLeftAsItIs() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "not a report, and no newline");

    int status = run("--controls", "none", "--resume", "-o", notes.toString(), "tcp://127.0.0.1:" + closed);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains(notes + ":1:", "not a msgprobe report");
    assertThat(Files.readString(notes)).isEqualTo("not a report, and no newline");
  }

  @Test
  void existingReportWithoutResume_isRefused_andKeptIntact() throws IOException {
    Path report = Files.writeString(dir.resolve("old.jsonl"), "{}\n");

    int status = run("--controls", "none", "-o", report.toString(), "tcp://127.0.0.1:" + closed);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("already exists").contains("--resume");
    assertThat(Files.readString(report)).isEqualTo("{}\n");
  }

  @Test
  void resume_measuresOnlyWhatTheReportLacks_andAppends() throws IOException {
    Path report = dir.resolve("resume.jsonl");
    String first = "tcp://127.0.0.1:" + closed;
    String second = "tcp://127.0.0.1:" + silent.port();
    assertThat(run("--controls", "none", "-o", report.toString(), first)).isEqualTo(0);

    int status = run("--controls", "none", "--resume", "-o", report.toString(), first, second);

    assertThat(status).isEqualTo(0);
    assertThat(lines(report)).extracting(n -> n.get("input").asText()).containsExactly(first, second);
    assertThat(err.toString()).contains("1 endpoints already measured, 1 to go");
    JsonNode summary = JSON.readTree(dir.resolve("resume.summary.json").toFile());
    assertThat(summary.at("/services/127.0.0.1/endpoints").asInt()).isEqualTo(2);
  }

  @Test
  void refusedEverywhere_theControlVantageToo_isDownNotBlocked() throws IOException {
    Path report = dir.resolve("control.jsonl");
    HelperConfig config = new HelperConfig(new InetSocketAddress("127.0.0.1", 0),
        new InetSocketAddress("127.0.0.1", closed), Trust.load(null), Duration.ofSeconds(2), true, null,
        HelperConfig.DEFAULT_MAX_INFLIGHT, HelperConfig.DEFAULT_MAX_REQUEST_BYTES);
    try (ControlServer helper = ControlServer.start(config)) {
      int status = run("--controls", "none", "--control", helper.url(), "-o", report.toString(),
          "tcp://127.0.0.1:" + closed);

      assertThat(status).as(err.toString()).isZero();
      JsonNode m = lines(report).get(0);
      assertThat(m.at("/test_keys/verdict/status").asText()).isEqualTo("down");
      assertThat(m.at("/test_keys/verdict/method").asText()).isEqualTo("tcp.refused");
      assertThat(m.at("/test_keys/tcp_connect").findValuesAsText("tags").toString()).isNotNull();
      assertThat(m.at("/test_keys/tcp_connect")).anySatisfy(c ->
          assertThat(c.get("tags").toString()).contains("control"));
    }
  }

  @Test
  void resume_doesNotSkipAnEndpointThatWasOnlyMeasuredAsAControl() throws IOException {
    Path report = dir.resolve("shared.jsonl");
    String shared = "tcp://127.0.0.1:" + silent.port();
    String other = "tcp://127.0.0.1:" + closed;
    Path ctl = controls(shared + ",domestic", "tcp://127.0.0.1:" + silent2.port() + ",foreign");
    assertThat(run("--controls", ctl.toString(), "-o", report.toString(), other)).isZero();

    int status = run("--controls", ctl.toString(), "--resume", "-o", report.toString(), shared, other);

    assertThat(status).as(err.toString()).isZero();
    assertThat(lines(report))
        .filteredOn(n -> !n.at("/annotations/service").asText().equals("control"))
        .extracting(n -> n.get("input").asText()).containsExactly(other, shared);
  }

  @Test
  void runHelp_describesTheOptions() {
    int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "run", "--help");

    assertThat(status).isZero();
    assertThat(out.toString()).contains("--resolver").contains("--fail-on").contains("Exit status");
  }
}
