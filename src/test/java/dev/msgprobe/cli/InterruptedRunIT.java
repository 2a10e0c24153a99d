package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.ProbeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a real {@code java -jar target/msgprobe.jar run}: the process exits 130, the report holds
 * only whole, valid lines for the endpoints that finished, and the summary is written.
 */
@Timeout(90)
class InterruptedRunIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void sigintMidRun_exits130_keepsValidReportAndSummary() throws Exception {
    Path jar = Path.of("target", "msgprobe.jar").toAbsolutePath();
    assertThat(jar).exists();
    try (LoopbackServer silent = LoopbackServer.start(Handlers.silent());
        LoopbackServer silent2 = LoopbackServer.start(Handlers.silent())) {
      int closed = LoopbackServer.closedPort();
      StringBuilder list = new StringBuilder("url,service\n");
      for (int i = 0; i < 4; i++) {
        list.append("tcp://127.0.0.").append(i + 1).append(':').append(closed).append(",fast\n");
      }
      list.append("tls://127.0.0.1:").append(silent.port()).append(",slow\n");
      list.append("tls://127.0.0.1:").append(silent2.port()).append(",slow\n");
      Path listFile = Files.writeString(dir.resolve("mixed.csv"), list.toString());
      Path report = dir.resolve("cut.jsonl");
      Path log = dir.resolve("stderr.txt");
      List<String> command = new ArrayList<>(defaultSigint());
      command.addAll(List.of(ProbeProcess.javaBinary(), "-jar", jar.toString(), "run", listFile.toString(),
          "--controls", "none", "--no-doh", "--resolver-echo", "none", "--stun", "none", "--resolver", "127.0.0.1:" + closed,
          "--timeout", "20", "--parallel", "10", "--no-progress", "--store", "none", "-o", report.toString()));
      Process p = new ProcessBuilder(command)
          .redirectErrorStream(false).redirectError(log.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile())
          .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (ProbeProcess.wholeLines(report) < 4 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(ProbeProcess.wholeLines(report)).as("fast endpoints written before the interrupt").isEqualTo(4);
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();

      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(130);
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(report)) {
        lines.add(JSON.readTree(line));
      }
      assertThat(lines).hasSize(4).allSatisfy(n -> assertThat(n.at("/test_keys/verdict/status").asText()).isNotEmpty());
      JsonNode summary = JSON.readTree(dir.resolve("cut.summary.json").toFile());
      assertThat(summary.at("/services/fast/endpoints").asInt()).isEqualTo(4);
      assertThat(Files.readString(log)).contains("interrupted");
    }
  }

  /**
   * A prefix that gives the probe SIGINT's default disposition: a shell without job control starts
   * background jobs (a CI script run with {@code &}) with SIGINT ignored, the children inherit that,
   * and the JVM then never sees the interrupt. Empty where {@code env --default-signal} is missing.
   */
  private static List<String> defaultSigint() throws Exception {
    Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
    return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0 ? List.of("env", "--default-signal=INT") : List.of();
  }
}
