package dev.msgprobe.engine;

import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.report.ReportFormatException;
import dev.msgprobe.report.ReportReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the reports named on a command line, for {@link ReportJob} and {@link CompareJob}. */
public final class ReportFiles {
  private ReportFiles() {}

  /** A report that cannot be read; the message names the file (and line). */
  public static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Every file in order.
   *
   * @throws Unreadable for a missing or unreadable file, or an invalid line before the last one ({@code FILE:LINE:})
   */
  public static List<LoadedReport> read(List<Path> files) throws Unreadable {
    List<LoadedReport> reports = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new Unreadable(file + ": " + (Files.exists(file) ? "not a file" : "no such file"));
      }
      try {
        reports.add(ReportReader.read(file));
      } catch (ReportFormatException e) {
        throw new Unreadable(e.getMessage());
      } catch (IOException e) {
        throw new Unreadable(file + ": cannot read it: " + e.getMessage());
      }
    }
    return reports;
  }

  /** The lines to show about {@code reports}: their warnings (an incomplete last line skipped). */
  public static List<String> warnings(List<LoadedReport> reports) {
    List<String> lines = new ArrayList<>();
    reports.forEach(r -> r.warnings().forEach(w -> lines.add("msgprobe: warning: " + w)));
    return lines;
  }
}
