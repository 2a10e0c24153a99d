package dev.msgprobe.cli;

import dev.msgprobe.engine.ReportFiles;
import dev.msgprobe.i18n.Texts;
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
    Texts texts = Main.texts(spec);
    List<LoadedReport> loaded;
    try {
      loaded = ReportFiles.read(reports);
    } catch (ReportFiles.Unreadable e) {
      err.println(texts.get("import.error", e.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
    ReportFiles.warnings(loaded).forEach(err::println);
    try {
      try (Store s = store.require(StoreOption.env(main), texts)) {
        for (LoadedReport r : loaded) {
          int added = s.add(r.measurements(), "local");
          out.println(texts.get("import.done", r.file(), texts.count("import.measurements", r.measurements().size()), added,
              s.describe()));
        }
      }
    } catch (StoreException e) {
      err.println(texts.get("import.error", e.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
    out.flush();
    return ExitCodes.OK;
  }
}
