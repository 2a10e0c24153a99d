package dev.msgprobe.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.msgprobe.model.Measurement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads JSONL reports leniently: blank lines are ignored; an invalid last line (a write cut short by
 * a crash, possibly mid-character) is skipped with a warning; an invalid line anywhere else is an
 * error, because it means the file is not a report or was damaged.
 */
public final class ReportReader {
  private ReportReader() {}

  /** @throws ReportFormatException for an invalid line that is not the last one */
  public static LoadedReport read(Path file) throws IOException {
    List<Measurement> measurements = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    scan(file, measurements::add, warnings, false);
    return new LoadedReport(file, measurements, warnings);
  }

  /**
   * Hands each measurement of {@code file} to {@code each} as it is read, keeping none, so a report of
   * any size is read in the memory of one line; returns the warnings {@link #read} would give.
   *
   * @throws ReportFormatException for an invalid line that is not the last one
   */
  public static List<String> forEach(Path file, Consumer<Measurement> each) throws IOException {
    List<String> warnings = new ArrayList<>();
    scan(file, each, warnings, false);
    return warnings;
  }

  /**
   * Like {@link #read}, for a report about to be continued ({@code --resume}): an invalid last line is
   * tolerated only when it can be a write cut short by a crash (no final newline, starts like a JSON
   * object), so that continuing never cuts into a file that is not a report.
   *
   * @throws ReportFormatException when the file is not a report
   */
  public static LoadedReport readForResume(Path file) throws IOException {
    List<Measurement> measurements = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    scan(file, measurements::add, warnings, true);
    return new LoadedReport(file, measurements, warnings);
  }

  /**
   * The {@link ResumeKey}s of the endpoints measured in {@code file}, for {@code --resume}; empty when
   * the file does not exist. Measurements without an {@code input} have no key.
   *
   * @throws ReportFormatException for an invalid line that is not the last one
   */
  public static Set<String> measuredInputs(Path file) throws IOException {
    Set<String> keys = new HashSet<>();
    if (Files.exists(file)) {
      scan(file, m -> {
        if (m.input() != null) {
          keys.add(ResumeKey.of(m));
        }
      }, new ArrayList<>(), true);
    }
    return keys;
  }

  private static void scan(Path file, Consumer<Measurement> sink, List<String> warnings, boolean forResume)
      throws IOException {
    // InputStreamReader replaces malformed UTF-8 (a line cut mid-character) instead of throwing.
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      ReportFormatException pending = null;
      String pendingLine = null;
      int number = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        if (pending != null) {
          throw pending;
        }
        try {
          sink.accept(ReportJson.parseMeasurement(line));
        } catch (IOException e) {
          pending = new ReportFormatException(file, number, "not a measurement: " + problem(e), e);
          pendingLine = line;
        }
      }
      if (pending != null && forResume && !(pendingLine.startsWith("{") && !endsWithNewline(file))) {
        throw new ReportFormatException(file, pending.line(),
            "not a measurement, so this file is not a msgprobe report to continue; it was left as it is", pending);
      }
      if (pending != null) {
        warnings.add(file + ":" + pending.line()
            + ": incomplete last line skipped (the run was probably interrupted while writing it)");
      }
    }
  }

  private static String problem(IOException e) {
    String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }

  private static boolean endsWithNewline(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      if (length == 0) {
        return false;
      }
      raf.seek(length - 1);
      return raf.read() == '\n';
    }
  }
}
