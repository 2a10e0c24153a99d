package dev.msgprobe.cli;

import dev.msgprobe.engine.CompareJob;
import dev.msgprobe.i18n.Texts;
import dev.msgprobe.history.History;
import dev.msgprobe.history.Run;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.report.DiffRenderer;
import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.report.ReportJson;
import dev.msgprobe.store.Query;
import dev.msgprobe.store.Store;
import dev.msgprobe.store.StoreException;
import dev.msgprobe.store.Stores;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code msgprobe compare OLD.jsonl NEW.jsonl}, or {@code compare --store URL [OLD_ID NEW_ID]}: what
 * changed between two runs (docs/contract/cli.md#compare-options). In a store a run is a report id, as
 * {@code history} lists them; without ids, the two latest runs by start time.
 */
@Command(name = "compare", sortOptions = false, usageHelpAutoWidth = true)
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "OLD", descriptionKey = "OLD")
  String oldReport;

  @Parameters(index = "1", arity = "0..1", paramLabel = "NEW", descriptionKey = "NEW")
  String newReport;

  @Option(names = "--json", order = 1)
  boolean json;

  @Option(names = "--fail-on-change", order = 2)
  boolean failOnChange;

  @Option(names = "--store", paramLabel = "URL", order = 3)
  String store;

  @Option(names = {"-h", "--help"}, usageHelp = true, order = 4)
  boolean help;

  @ParentCommand Main main;

  private Texts texts = Texts.english();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    texts = Main.texts(spec);
    CompareJob.Result result;
    try {
      result = store != null ? fromStore()
          : CompareJob.run(new CompareJob.Config(Path.of(required(oldReport)), Path.of(required(newReport)), failOnChange));
    } catch (StoreException | BadArguments e) {
      err.println(texts.get("compare.error", e.getMessage()));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    result.messages().forEach(err::println);
    err.flush();
    if (result.outcome() == CompareJob.Outcome.BAD_INPUT) {
      return ExitCodes.BAD_INPUT;
    }
    out.print(json ? ReportJson.diffJson(result.diff()) : DiffRenderer.table(result.diff(), texts));
    out.flush();
    return result.outcome() == CompareJob.Outcome.STATUS_CHANGED ? ExitCodes.FAIL_ON_MATCHED : ExitCodes.OK;
  }

  /** Arguments that do not say which two runs to compare. */
  private static final class BadArguments extends Exception {
    BadArguments(String message) {
      super(message);
    }
  }

  private String required(String report) throws BadArguments {
    if (report == null) {
      throw new BadArguments(texts.get("compare.giveTwo"));
    }
    return report;
  }

  /** The runs OLD and NEW of the store (by default its two latest), compared. */
  private CompareJob.Result fromStore() throws StoreException, BadArguments {
    for (String id : new String[] {oldReport, newReport}) {
      if (id != null && (id.endsWith(".jsonl") || Files.isRegularFile(Path.of(id)))) {
        throw new BadArguments(texts.get("compare.fileWithStore", id));
      }
    }
    if (oldReport != null && newReport == null) {
      throw new BadArguments(texts.get("compare.oneId", store, oldReport));
    }
    try (Store s = Stores.open(store, StoreOption.env(main))
        .orElseThrow(() -> new StoreException(texts.get("compare.needsStore")))) {
      List<Measurement> measurements = s.measurements(Query.ALL);
      History history = History.of(s.describe(), measurements);
      List<Run> runs = history.runs();
      String older;
      String newer;
      if (oldReport == null) {
        if (runs.size() < 2) {
          throw new BadArguments(texts.get("compare.tooFewRuns", s.describe(), texts.count("history.runs", runs.size())));
        }
        older = runs.get(runs.size() - 2).reportId();
        newer = runs.get(runs.size() - 1).reportId();
      } else {
        older = known(history, oldReport, s);
        newer = known(history, newReport, s);
      }
      return CompareJob.between(run(older, measurements), run(newer, measurements), failOnChange);
    }
  }

  private String known(History history, String reportId, Store s) throws BadArguments {
    return history.run(reportId).map(Run::reportId).orElseThrow(() -> new BadArguments(
        texts.get("compare.unknownId", reportId, s.describe())));
  }

  /** The measurements of one run, named after its report id. */
  private static LoadedReport run(String reportId, List<Measurement> measurements) {
    return new LoadedReport(Path.of(reportId),
        measurements.stream().filter(m -> History.runOf(m).equals(reportId)).toList(), List.of());
  }
}
