package dev.msgprobe.engine;

import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.report.SummarisedRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code msgprobe report}: reads stored reports, judges them again if asked ({@link Reclassifier}) and
 * summarises them together ({@link StoredReports}). Prints nothing: the CLI renders the result.
 */
public final class ReportJob {
  private ReportJob() {}

  /** The reports, in the order given, and whether to judge their observations again. */
  public record Config(List<Path> reports, boolean reclassify) {
    public Config {
      reports = List.copyOf(reports);
    }
  }

  public enum Outcome { SUMMARISED, BAD_INPUT }

  /**
   * {@code messages}: lines for stderr, in order (warnings and reclassification counts; for
   * {@link Outcome#BAD_INPUT} the error naming the file and line); {@code loaded}: the reports as
   * judged (empty on bad input), for callers that select or group before summarising; {@code run}:
   * their summary, null on bad input.
   */
  public record Result(Outcome outcome, List<String> messages, List<LoadedReport> loaded, SummarisedRun run) {
    public Result {
      messages = List.copyOf(messages);
      loaded = List.copyOf(loaded);
    }
  }

  public static Result run(Config config) {
    List<LoadedReport> loaded;
    try {
      loaded = ReportFiles.read(config.reports());
    } catch (ReportFiles.Unreadable e) {
      return new Result(Outcome.BAD_INPUT, List.of("msgprobe report: " + e.getMessage()), List.of(), null);
    }
    List<String> messages = new ArrayList<>(ReportFiles.warnings(loaded));
    if (config.reclassify()) {
      loaded = reclassified(loaded, messages);
    }
    return new Result(Outcome.SUMMARISED, messages, loaded, StoredReports.summarise(loaded));
  }

  /** {@code loaded} judged again with this version's classifier; problems and counts go to {@code messages}. */
  public static List<LoadedReport> reclassified(List<LoadedReport> loaded, List<String> messages) {
    Reclassifier reclassifier = new Reclassifier();
    List<LoadedReport> out = new ArrayList<>();
    for (LoadedReport report : loaded) {
      Reclassifier.Result result = reclassifier.reclassify(report);
      result.problems().forEach(p -> messages.add("msgprobe: warning: " + p));
      messages.add(String.format("msgprobe: %s: reclassified %d measurements, %d verdicts changed", report.file(),
          report.measurements().size(), result.changed()));
      out.add(result.report());
    }
    return out;
  }
}
