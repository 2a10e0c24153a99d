package dev.msgprobe.cli;

import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.report.ReportFormatException;
import dev.msgprobe.report.ReportReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the reports named on a command line, for {@code report} and {@code compare}. */
final class ReportFiles {
  private ReportFiles() {}

  /** A report that cannot be read; the message names the file (and line). */
  static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Every file in order; the warnings (an incomplete last line skipped) are printed on {@code err}.
   *
   * @throws Unreadable for a missing or unreadable file, or an invalid line before the last one ({@code FILE:LINE:})
   */
  static List<LoadedReport> read(List<Path> files, PrintWriter err) throws Unreadable {
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
    reports.forEach(r -> r.warnings().forEach(w -> err.println("msgprobe: warning: " + w)));
    err.flush();
    return reports;
  }
}
