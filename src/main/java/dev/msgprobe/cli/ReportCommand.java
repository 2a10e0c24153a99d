package dev.msgprobe.cli;

import dev.msgprobe.engine.Reclassifier;
import dev.msgprobe.engine.StoredReports;
import dev.msgprobe.report.HtmlRenderer;
import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.report.MarkdownRenderer;
import dev.msgprobe.report.ReportJson;
import dev.msgprobe.report.SummarisedRun;
import dev.msgprobe.report.TableRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code msgprobe report REPORT.jsonl...}: summarise stored reports (docs/contract/cli.md#report-options). */
@Command(name = "report", sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Summarise one or more stored reports (table, json, markdown or html).",
        "Services, counts, methods, functions, OONI keys and the endpoints that are not reachable are"
            + " computed again from the report lines. An endpoint measured in several reports counts once:"
            + " its latest measurement wins."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:summary written",
        "2:bad usage or bad input (a missing file, or an invalid line: FILE:LINE)"})
final class ReportCommand implements Callable<Integer> {
  enum Format { table, json, markdown, html }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "REPORT", arity = "1..*", description = "JSONL reports written by msgprobe run.")
  List<Path> reports = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", order = 1,
      description = "table, json (the summary JSON a run writes), markdown or html (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 2,
      description = "Write to FILE (replacing it) instead of stdout.")
  Path output;

  @Option(names = "--reclassify", order = 3,
      description = "Judge every endpoint again from its stored observations with this version's classifier.")
  boolean reclassify;

  @Option(names = {"-h", "--help"}, usageHelp = true, order = 4, description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (output != null && reports.stream().anyMatch(r -> sameFile(r, output))) {
      err.println("msgprobe report: -o " + output + " is one of the reports; choose another file");
      return ExitCodes.BAD_INPUT;
    }
    List<LoadedReport> loaded;
    try {
      loaded = ReportFiles.read(reports, err);
    } catch (ReportFiles.Unreadable e) {
      err.println("msgprobe report: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    if (reclassify) {
      loaded = reclassified(loaded, err);
    }
    SummarisedRun run = StoredReports.summarise(loaded);
    String text = render(run, output == null && Terminal.colourStdout());
    if (output == null) {
      out.print(text);
      out.flush();
      return ExitCodes.OK;
    }
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("msgprobe report: -o " + output + ": cannot write it: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.OK;
  }

  private String render(SummarisedRun run, boolean colour) {
    return switch (format) {
      case table -> new TableRenderer(colour).render(run.summary(), run.measurements());
      case json -> ReportJson.summaryJson(run.summary());
      case markdown -> MarkdownRenderer.render(run.summary()) + "\n" + MarkdownRenderer.renderEndpoints(run.measurements());
      case html -> HtmlRenderer.render(run.summary(), run.measurements());
    };
  }

  private static List<LoadedReport> reclassified(List<LoadedReport> loaded, PrintWriter err) {
    Reclassifier reclassifier = new Reclassifier();
    List<LoadedReport> out = new ArrayList<>();
    for (LoadedReport report : loaded) {
      Reclassifier.Result result = reclassifier.reclassify(report);
      result.problems().forEach(p -> err.println("msgprobe: warning: " + p));
      err.printf("msgprobe: %s: reclassified %d measurements, %d verdicts changed%n", report.file(),
          report.measurements().size(), result.changed());
      out.add(result.report());
    }
    err.flush();
    return out;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }
}
