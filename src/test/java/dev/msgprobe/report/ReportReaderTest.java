package dev.msgprobe.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportReaderTest {
  @TempDir
  Path dir;

  @Test
  void truncatedLastLine_isSkippedWithAWarning() throws IOException {
    Path report = dir.resolve("r.jsonl");
    String partial = line("tcp://e2.whatsapp.net:443");
    Files.writeString(report, line("tcp://e1.whatsapp.net:443") + "\n" + partial.substring(0, 40));

    LoadedReport loaded = ReportReader.read(report);

    assertThat(loaded.measurements()).extracting(Measurement::input).containsExactly("tcp://e1.whatsapp.net:443");
    assertThat(loaded.warnings()).containsExactly(report + ":2: incomplete last line skipped "
        + "(the run was probably interrupted while writing it)");
  }

  @Test
  void forResume_aLastLineCutByACrash_isTolerated() throws IOException {
    Path report = dir.resolve("r.jsonl");
    Files.writeString(report, line("tcp://e1.whatsapp.net:443") + "\n" + line("tcp://e2.whatsapp.net:443").substring(0, 40));

    assertThat(ReportReader.readForResume(report).measurements()).hasSize(1);
  }

  @Test
  void forResume_aTextFile_isNotAReport() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "shopping list\n");

    assertThatThrownBy(() -> ReportReader.readForResume(notes))
        .isInstanceOf(ReportFormatException.class)
        .hasMessage(notes + ":1: not a measurement, so this file is not a msgprobe report to continue;"
            + " it was left as it is");
  }

  @Test
  void forResume_aTerminatedInvalidLastLine_isNotACrashArtifact() throws IOException {
    Path report = dir.resolve("r.jsonl");
    Files.writeString(report, line("tcp://e1.whatsapp.net:443") + "\n{\"not\": \"a measurement\"\n");

    assertThatThrownBy(() -> ReportReader.readForResume(report)).isInstanceOf(ReportFormatException.class);
  }

  @Test
  void lastLineCutInsideAMultiByteCharacter_isSkipped() throws IOException {
    Path report = dir.resolve("r.jsonl");
    byte[] whole = (line("tcp://e1.whatsapp.net:443") + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] second = ReportJson.measurementLine(Fixtures.simple("https://max.ru/", "max", Status.BLOCKED,
        Method.HTTP_BLOCKPAGE, "Доступ ограничен")).getBytes(StandardCharsets.UTF_8);
    int cut = indexOf(second, (byte) 0xD0) + 1; // the first byte of a two-byte Cyrillic letter
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(whole);
    file.write(Arrays.copyOf(second, cut));
    Files.write(report, file.toByteArray());

    LoadedReport loaded = ReportReader.read(report);

    assertThat(loaded.measurements()).hasSize(1);
    assertThat(loaded.warnings()).hasSize(1);
  }

  @Test
  void invalidMiddleLine_isAnErrorNamingFileAndLine() throws IOException {
    Path report = dir.resolve("r.jsonl");
    Files.writeString(report, line("tcp://e1.whatsapp.net:443") + "\n{\"input\": oops\n"
        + line("tcp://e3.whatsapp.net:443") + "\n");

    assertThatThrownBy(() -> ReportReader.read(report))
        .isInstanceOfSatisfying(ReportFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.file()).isEqualTo(report);
        })
        .hasMessageStartingWith(report + ":2: not a measurement: ");
  }

  @Test
  void blankLines_areIgnored_andCountInLineNumbers() throws IOException {
    Path report = dir.resolve("r.jsonl");
    Files.writeString(report, "\n" + line("tcp://e1.whatsapp.net:443") + "\n\n[1]\n"
        + line("tcp://e2.whatsapp.net:443") + "\n\n");

    assertThatThrownBy(() -> ReportReader.read(report)).hasMessageStartingWith(report + ":4: ");
  }

  @Test
  void cleanReport_readsEveryLine_withoutWarnings() throws IOException {
    Path report = dir.resolve("r.jsonl");
    Files.writeString(report, line("tcp://e1.whatsapp.net:443") + "\n\n" + line("tcp://e2.whatsapp.net:443") + "\n");

    LoadedReport loaded = ReportReader.read(report);

    assertThat(loaded.measurements()).hasSize(2);
    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.file()).isEqualTo(report);
  }

  @Test
  void measuredInputs_areResumeKeys_withNonGetMethods() throws IOException {
    Path report = dir.resolve("r.jsonl");
    Measurement post = withMethod(Fixtures.simple("http://149.154.175.50:443/", "telegram", Status.REACHABLE,
        Method.OK, "ok"), "POST");
    Measurement get = withMethod(Fixtures.simple("https://web.telegram.org/", "telegram", Status.REACHABLE,
        Method.OK, "ok"), "GET");
    Files.writeString(report, ReportJson.measurementLine(post) + "\n" + ReportJson.measurementLine(get) + "\n"
        + line("tcp://e1.whatsapp.net:443") + "\n" + "{\"inpu");

    assertThat(ReportReader.measuredInputs(report)).containsExactlyInAnyOrder(
        "http://149.154.175.50:443/|POST", "https://web.telegram.org/", "tcp://e1.whatsapp.net:443");
  }

  @Test
  void measuredInputs_ofAMissingFile_isEmpty() throws IOException {
    assertThat(ReportReader.measuredInputs(dir.resolve("none.jsonl"))).isEmpty();
  }

  @Test
  void measuredInputs_reportsABadMiddleLine() throws IOException {
    Path report = dir.resolve("r.jsonl");
    Files.writeString(report, "garbage\n" + line("tcp://e1.whatsapp.net:443") + "\n");

    assertThatThrownBy(() -> ReportReader.measuredInputs(report)).hasMessageStartingWith(report + ":1: ");
  }

  private static String line(String input) {
    return ReportJson.measurementLine(Fixtures.simple(input, "whatsapp", Status.REACHABLE, Method.OK, "ok"));
  }

  private static Measurement withMethod(Measurement m, String method) {
    return Fixtures.withAnnotation(m, ResumeKey.METHOD_ANNOTATION, method);
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("byte not found");
  }
}
