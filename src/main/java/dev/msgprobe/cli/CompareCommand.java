package dev.msgprobe.cli;

import dev.msgprobe.engine.StoredReports;
import dev.msgprobe.report.DiffRenderer;
import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.report.ReportDiff;
import dev.msgprobe.report.ReportJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code msgprobe compare OLD.jsonl NEW.jsonl}: what changed between two runs (docs/contract/cli.md#compare-options). */
@Command(name = "compare", sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Show what changed between two runs.",
        "Each service's status, old and new, and each endpoint whose verdict (status or method) changed"
            + " or that was measured in one run only. Endpoints are matched by URI and HTTP method;"
            + " controls are left out."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:compared (and, with --fail-on-change, no status changed)",
        "1:--fail-on-change: a service or endpoint measured in both runs changed status",
        "2:bad usage or bad input (a missing file, or an invalid line: FILE:LINE)"})
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier report (JSONL).")
  Path oldReport;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later report (JSONL).")
  Path newReport;

  @Option(names = "--json", order = 1, description = "Print the comparison as JSON (fields in the README).")
  boolean json;

  @Option(names = "--fail-on-change", order = 2,
      description = "Exit 1 when a service or an endpoint measured in both runs changed status.")
  boolean failOnChange;

  @Option(names = {"-h", "--help"}, usageHelp = true, order = 3, description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<LoadedReport> loaded;
    try {
      loaded = ReportFiles.read(List.of(oldReport, newReport), err);
    } catch (ReportFiles.Unreadable e) {
      err.println("msgprobe compare: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    ReportDiff diff = ReportDiff.between(StoredReports.summarise(List.of(loaded.get(0))),
        StoredReports.summarise(List.of(loaded.get(1))));
    out.print(json ? ReportJson.diffJson(diff) : DiffRenderer.table(diff));
    out.flush();
    return failOnChange && diff.statusChanged() ? ExitCodes.FAIL_ON_MATCHED : ExitCodes.OK;
  }
}
