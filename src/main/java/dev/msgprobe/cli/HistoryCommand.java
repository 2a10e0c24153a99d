package dev.msgprobe.cli;

import dev.msgprobe.history.History;
import dev.msgprobe.i18n.Texts;
import dev.msgprobe.history.HistoryHtml;
import dev.msgprobe.history.HistoryText;
import dev.msgprobe.report.ReportJson;
import dev.msgprobe.store.Query;
import dev.msgprobe.store.Store;
import dev.msgprobe.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code msgprobe history}: the runs recorded in a store, each service's status per run, and what changed. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
final class HistoryCommand implements Callable<Integer> {
  enum Format { table, json, markdown, html }

  @Spec CommandSpec spec;
  @ParentCommand Main main;
  @Mixin StoreOption store = new StoreOption();

  @Option(names = "--service", paramLabel = "S", order = 1)
  String service;

  @Option(names = "--since", paramLabel = "DATE", order = 2)
  LocalDateTime since;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", order = 3)
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 4)
  Path output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Texts texts = Main.texts(spec);
    History history;
    try {
      try (Store s = store.require(StoreOption.env(main), texts)) {
        history = History.of(s.describe(), s.measurements(new Query(since, service)));
      }
    } catch (StoreException e) {
      err.println(texts.get("history.error", e.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
    return Output.write("history", render(history, texts), output, out, err, texts);
  }

  private String render(History h, Texts texts) {
    return switch (format) {
      case table -> HistoryText.table(h, texts);
      case markdown -> HistoryText.markdown(h, texts);
      case json -> ReportJson.pretty(h);
      case html -> HistoryHtml.render(h, texts);
    };
  }
}
