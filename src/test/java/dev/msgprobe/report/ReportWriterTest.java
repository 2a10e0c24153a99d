package dev.msgprobe.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir
  Path dir;

  @Test
  void writtenLine_matchesGoldenFile() throws IOException {
    Path report = dir.resolve("r.jsonl");
    try (ReportWriter writer = ReportWriter.create(report, Set.of(Fixtures.PROBE_IP))) {
      writer.write(Fixtures.blockedWeb());
    }

    Golden.assertMatches("measurement.jsonl", Files.readString(report));
  }

  @Test
  void eachLineIsVisibleToAReader_whileTheWriterIsStillOpen() throws IOException {
    Path report = dir.resolve("r.jsonl");
    try (ReportWriter writer = ReportWriter.create(report, Set.of())) {
      writer.write(simple("tcp://e1.whatsapp.net:443"));
      assertThat(ReportReader.read(report).measurements()).extracting(Measurement::input)
          .containsExactly("tcp://e1.whatsapp.net:443");

      writer.write(simple("tcp://e2.whatsapp.net:443"));
      assertThat(ReportReader.read(report).measurements()).hasSize(2);
    }
  }

  @Test
  void concurrentWrites_produceWholeLines() throws Exception {
    Path report = dir.resolve("r.jsonl");
    int threads = 8;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (ReportWriter writer = ReportWriter.create(report, Set.of(Fixtures.PROBE_IP))) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            writer.write(Fixtures.measurement("tcp://e" + thread + "-" + i + ".whatsapp.net:443", "whatsapp",
                "chat", Fixtures.blockedWeb().testKeys()));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    List<String> lines = Files.readAllLines(report);
    assertThat(lines).hasSize(threads * perThread);
    for (String line : lines) {
      assertThat(ReportJson.parseMeasurement(line).testKeys().verdict().method()).isEqualTo(Method.TLS_RESET);
    }
    assertThat(ReportReader.measuredInputs(report)).hasSize(threads * perThread);
  }

  @Test
  void probeIp_isScrubbedEverywhere_andProbeIpFieldIsLoopback() throws IOException {
    Path report = dir.resolve("r.jsonl");
    try (ReportWriter writer = ReportWriter.create(report, Set.of(Fixtures.PROBE_IP, "2001:db8::7"))) {
      writer.write(Fixtures.blockedWeb());
    }

    String line = Files.readString(report);
    assertThat(line).doesNotContain(Fixtures.PROBE_IP);
    Measurement m = ReportJson.parseMeasurement(line);
    assertThat(m.probeIp()).isEqualTo("127.0.0.1");
    assertThat(m.testKeys().requests().get(0).response().header("X-Client-Ip")).isEqualTo("[scrubbed]");
    assertThat(m.testKeys().verdict().evidence()).last().isEqualTo("the server saw the probe as [scrubbed]");
    assertThat(m.testKeys().tcpConnect().get(0).ip()).isEqualTo("157.240.1.53");
  }

  @Test
  void probeIpField_isLoopbackEvenWithNothingToScrub() throws IOException {
    Path report = dir.resolve("r.jsonl");
    try (ReportWriter writer = ReportWriter.create(report, Set.of())) {
      writer.write(Fixtures.blockedWeb());
    }

    assertThat(ReportReader.read(report).measurements().get(0).probeIp()).isEqualTo("127.0.0.1");
  }

  @Test
  void resumeAfterTruncatedLastLine_cutsThePartialLine_andKeepsEarlierLines() throws IOException {
    Path report = dir.resolve("r.jsonl");
    String first = ReportJson.measurementLine(simple("tcp://e1.whatsapp.net:443")) + "\n";
    String second = ReportJson.measurementLine(simple("tcp://e2.whatsapp.net:443"));
    Files.writeString(report, first + second.substring(0, second.length() / 2));

    writeSession(report, true, "tcp://e3.whatsapp.net:443");

    LoadedReport loaded = ReportReader.read(report);
    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.measurements()).extracting(Measurement::input)
        .containsExactly("tcp://e1.whatsapp.net:443", "tcp://e3.whatsapp.net:443");
    assertThat(Files.readString(report)).startsWith(first);
  }

  @Test
  void resumeAfterWholeLastLineWithoutNewline_keepsIt() throws IOException {
    Path report = dir.resolve("r.jsonl");
    Files.writeString(report, ReportJson.measurementLine(simple("tcp://e1.whatsapp.net:443")));

    writeSession(report, true, "tcp://e2.whatsapp.net:443");

    assertThat(ReportReader.read(report).measurements()).extracting(Measurement::input)
        .containsExactly("tcp://e1.whatsapp.net:443", "tcp://e2.whatsapp.net:443");
  }

  @Test
  void resumeWhenTheOnlyLineIsPartial_leavesJustTheNewLine() throws IOException {
    Path report = dir.resolve("r.jsonl");
    Files.writeString(report, "{\"annotations\":{\"serv");

    writeSession(report, true, "tcp://e2.whatsapp.net:443");

    assertThat(Files.readAllLines(report)).hasSize(1);
    assertThat(ReportReader.read(report).measurements()).hasSize(1);
  }

  @Test
  void appendToCleanFile_addsLinesAfterTheExistingOnes() throws IOException {
    Path report = dir.resolve("r.jsonl");
    writeSession(report, false, "tcp://e1.whatsapp.net:443");
    writeSession(report, true, "tcp://e2.whatsapp.net:443");

    assertThat(ReportReader.read(report).measurements()).hasSize(2);
  }

  @Test
  void create_isExclusive_aSecondCreateOfThePathFails_andTheFirstReportIsKept() throws IOException {
    Path report = dir.resolve("reports/nested/r.jsonl");
    writeSession(report, false, "tcp://e1.whatsapp.net:443");

    assertThatThrownBy(() -> writeSession(report, false, "tcp://e2.whatsapp.net:443"))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(ReportReader.read(report).measurements()).extracting(Measurement::input)
        .containsExactly("tcp://e1.whatsapp.net:443");
  }

  @Test
  void append_toAFileWhoseLastLineIsNotJson_refusesAndLeavesTheFileAsItIs() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "my notes, no newline at the end");

    assertThatThrownBy(() -> writeSession(notes, true, "tcp://e1.whatsapp.net:443"))
        .isInstanceOf(IOException.class).hasMessageContaining("not a msgprobe report");
    assertThat(Files.readString(notes)).isEqualTo("my notes, no newline at the end");
  }

  @Test
  void writeFromAnInterruptedThread_stillWrites_andTheWriterStaysUsable() throws IOException {
    Path report = dir.resolve("r.jsonl");
    try (ReportWriter writer = ReportWriter.open(report, Set.of(), false, true)) {
      Thread.currentThread().interrupt();
      try {
        writer.write(simple("tcp://e1.whatsapp.net:443"));
      } finally {
        assertThat(Thread.interrupted()).as("interrupt flag preserved").isTrue();
      }
      writer.write(simple("tcp://e2.whatsapp.net:443"));
    }

    assertThat(ReportReader.read(report).measurements()).hasSize(2);
  }

  @Test
  void close_isIdempotent_andWriteAfterCloseFails() throws IOException {
    ReportWriter writer = ReportWriter.create(dir.resolve("r.jsonl"), Set.of());
    writer.close();
    writer.close();

    assertThatThrownBy(() -> writer.write(simple("tcp://e1.whatsapp.net:443")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nonUtf8SafeText_isWrittenAsUtf8() throws IOException {
    Path report = dir.resolve("r.jsonl");
    try (ReportWriter writer = ReportWriter.create(report, Set.of())) {
      writer.write(Fixtures.simple("https://max.ru/", "max", Status.BLOCKED, Method.HTTP_BLOCKPAGE,
          "страница блокировки Роскомнадзора"));
    }

    assertThat(new String(Files.readAllBytes(report), StandardCharsets.UTF_8)).contains("Роскомнадзора");
  }

  /** Opens the report (appending or replacing), writes one measurement of {@code input}, closes it. */
  private static void writeSession(Path report, boolean append, String input) throws IOException {
    try (ReportWriter writer = append ? ReportWriter.append(report, Set.of()) : ReportWriter.create(report, Set.of())) {
      writer.write(simple(input));
    }
  }

  private static Measurement simple(String input) {
    return Fixtures.simple(input, "whatsapp", Status.REACHABLE, Method.OK, "handshake completed");
  }
}
