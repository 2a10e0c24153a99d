package dev.msgprobe.report;

import dev.msgprobe.model.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writes {@code <report>.summary.json} beside a report, atomically: readers see the old or the new file. */
public final class SummaryWriter {
  private static final String REPORT_SUFFIX = ".jsonl";
  private static final String SUMMARY_SUFFIX = ".summary.json";

  private SummaryWriter() {}

  /**
   * {@code reports/x.jsonl} → {@code reports/x.summary.json}; a name not ending in {@code .jsonl}
   * gets {@code .summary.json} appended ({@code x.json} → {@code x.json.summary.json}).
   */
  public static Path summaryPath(Path report) {
    String name = report.getFileName().toString();
    String base = name.endsWith(REPORT_SUFFIX) ? name.substring(0, name.length() - REPORT_SUFFIX.length()) : name;
    return report.resolveSibling(base + SUMMARY_SUFFIX);
  }

  /** Writes the summary of {@code report} pretty-printed, creating parent directories; returns its path. */
  public static Path write(Path report, RunSummary summary) throws IOException {
    Path target = summaryPath(report);
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    // Not Files.createTempFile: it would leave the summary readable by its owner only.
    Path temp = target.resolveSibling(target.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    try {
      Files.writeString(temp, ReportJson.summaryJson(summary), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }
}
