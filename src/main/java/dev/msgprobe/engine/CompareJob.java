package dev.msgprobe.engine;

import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.report.ReportDiff;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code msgprobe compare}: what changed between two stored reports (files, or runs of a store), each summarised on its own
 * ({@link StoredReports}). Prints nothing: the CLI renders the result.
 */
public final class CompareJob {
  private CompareJob() {}

  /** {@code failOnChange}: a status change in an endpoint or service measured in both is an outcome of its own. */
  public record Config(Path oldReport, Path newReport, boolean failOnChange) {}

  public enum Outcome { COMPARED, STATUS_CHANGED, BAD_INPUT }

  /**
   * {@code messages}: lines for stderr, in order (warnings; for {@link Outcome#BAD_INPUT} the error
   * naming the file and line); {@code diff}: null on bad input.
   */
  public record Result(Outcome outcome, List<String> messages, ReportDiff diff) {
    public Result {
      messages = List.copyOf(messages);
    }
  }

  public static Result run(Config config) {
    List<LoadedReport> loaded;
    try {
      loaded = ReportFiles.read(List.of(config.oldReport(), config.newReport()));
    } catch (ReportFiles.Unreadable e) {
      return new Result(Outcome.BAD_INPUT, List.of("msgprobe compare: " + e.getMessage()), null);
    }
    return between(loaded.get(0), loaded.get(1), config.failOnChange());
  }

  /** Compares two runs already read (from files or a store); their warnings become the messages. */
  public static Result between(LoadedReport older, LoadedReport newer, boolean failOnChange) {
    ReportDiff diff = ReportDiff.between(StoredReports.summarise(List.of(older)), StoredReports.summarise(List.of(newer)));
    Outcome outcome = failOnChange && diff.statusChanged() ? Outcome.STATUS_CHANGED : Outcome.COMPARED;
    return new Result(outcome, ReportFiles.warnings(List.of(older, newer)), diff);
  }
}
