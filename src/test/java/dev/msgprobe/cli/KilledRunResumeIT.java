package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.ProbeProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL on a real {@code java -jar target/msgprobe.jar run}, then {@code --resume}: no shutdown hook
 * runs, so the report is only what was handed to the OS. A kill can land mid-write; the test adds the
 * cut line such a kill leaves (a SIGKILL cannot be aimed inside a write). After the resume every line
 * is a whole measurement and every endpoint of the list appears exactly once.
 */
@Timeout(120)
class KilledRunResumeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void sigkillMidRun_thenResume_leavesNoPartialLine_andEveryEndpointExactlyOnce() throws Exception {
    Path jar = Path.of("target", "msgprobe.jar").toAbsolutePath();
    assertThat(jar).exists();
    try (LoopbackServer silent = LoopbackServer.start(Handlers.silent());
        LoopbackServer silent2 = LoopbackServer.start(Handlers.silent())) {
      int closed = LoopbackServer.closedPort();
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        urls.add("tcp://127.0.0." + (i + 1) + ":" + closed);
      }
      urls.add("tls://127.0.0.1:" + silent.port());
      urls.add("tls://127.0.0.1:" + silent2.port());
      Path listFile = Files.writeString(dir.resolve("mixed.csv"),
          "url,service\n" + String.join(",x\n", urls) + ",x\n");
      Path report = dir.resolve("killed.jsonl");

      Process first = run(listFile, report, "20");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
      while (ProbeProcess.wholeLines(report) < 4 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(ProbeProcess.wholeLines(report)).as("fast endpoints written before the kill").isEqualTo(4);
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).isEqualTo(137);
      String cut = Files.readAllLines(report).get(0);
      Files.writeString(report, cut.substring(0, cut.length() / 2), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

      Process resumed = run(listFile, report, "1", "--resume");
      assertThat(resumed.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(resumed.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isEqualTo(0);

      String text = Files.readString(report);
      assertThat(text).endsWith("\n");
      Map<String, Integer> seen = new TreeMap<>();
      for (String line : text.split("\n")) {
        JsonNode n = JSON.readTree(line);
        assertThat(n.at("/test_keys/verdict/status").asText()).isNotEmpty();
        seen.merge(n.get("input").asText(), 1, Integer::sum);
      }
      assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(urls);
      assertThat(seen.values()).containsOnly(1);
    }
  }

  private Process run(Path listFile, Path report, String timeout, String... more) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(ProbeProcess.javaBinary(), "-jar", Path.of("target", "msgprobe.jar")
        .toAbsolutePath().toString(), "run", listFile.toString(), "--controls", "none", "--no-doh",
        "--resolver-echo", "none", "--resolver", "127.0.0.1:" + LoopbackServer.closedPort(), "--timeout", timeout,
        "--parallel", "10", "--no-progress", "-o", report.toString()));
    cmd.addAll(List.of(more));
    return new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
  }

}
