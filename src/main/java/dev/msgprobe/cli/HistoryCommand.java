package dev.msgprobe.cli;

import dev.msgprobe.history.History;
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
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "The runs recorded on this machine (or in --store), each service's status per run, and the changes",
        "between consecutive runs, method changes included (whatsapp web: dns.nxdomain → tls.reset on 2026-03-02)."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:history written", "2:bad usage or a store that cannot be read"})
final class HistoryCommand implements Callable<Integer> {
  enum Format { table, json, markdown, html }

  @Spec CommandSpec spec;
  @ParentCommand Main main;
  @Mixin StoreOption store = new StoreOption();

  @Option(names = "--service", paramLabel = "S", order = 1, description = "Only this service (whatsapp, telegram, max, ...).")
  String service;

  @Option(names = "--since", paramLabel = "DATE", order = 2, converter = Since.class,
      description = "Only runs from DATE on (yyyy-MM-dd or yyyy-MM-ddTHH:mm, UTC).")
  LocalDateTime since;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", order = 3,
      description = "table, json, markdown or html (charts; one self-contained page) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 4, description = "Write to FILE instead of stdout.")
  Path output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    History history;
    try {
      try (Store s = store.require(StoreOption.env(main))) {
        history = History.of(s.describe(), s.measurements(new Query(since, service)));
      }
    } catch (StoreException e) {
      err.println("msgprobe history: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    return Output.write("history", render(history), output, out, err);
  }

  private String render(History h) {
    return switch (format) {
      case table -> HistoryText.table(h);
      case markdown -> HistoryText.markdown(h);
      case json -> ReportJson.pretty(h);
      case html -> HistoryHtml.render(h);
    };
  }
}
