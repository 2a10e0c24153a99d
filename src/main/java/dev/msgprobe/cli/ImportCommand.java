package dev.msgprobe.cli;

import dev.msgprobe.engine.ReportFiles;
import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.store.Store;
import dev.msgprobe.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code msgprobe import REPORT.jsonl...}: index stored reports into a store (idempotent). */
@Command(name = "import", mixinStandardHelpOptions = true, usageHelpAutoWidth = true)
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand Main main;
  @Mixin StoreOption store = new StoreOption();

  @Parameters(paramLabel = "REPORT", descriptionKey = "REPORT", arity = "1..*")
  List<Path> reports = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<LoadedReport> loaded;
    try {
      loaded = ReportFiles.read(reports);
    } catch (ReportFiles.Unreadable e) {
      err.println("msgprobe import: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    ReportFiles.warnings(loaded).forEach(err::println);
    try {
      try (Store s = store.require(StoreOption.env(main))) {
        for (LoadedReport r : loaded) {
          int added = s.add(r.measurements(), "local");
          out.printf("%s: %d measurements, %d new, into %s%n", r.file(), r.measurements().size(), added, s.describe());
        }
      }
    } catch (StoreException e) {
      err.println("msgprobe import: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    out.flush();
    return ExitCodes.OK;
  }
}
