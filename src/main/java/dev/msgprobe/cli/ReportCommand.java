package dev.msgprobe.cli;

import dev.msgprobe.engine.ReportJob;
import dev.msgprobe.engine.StoredReports;
import dev.msgprobe.history.NetworkTable;
import dev.msgprobe.i18n.Texts;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.report.HtmlRenderer;
import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.report.MarkdownRenderer;
import dev.msgprobe.report.ReportJson;
import dev.msgprobe.report.SummarisedRun;
import dev.msgprobe.report.TableRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.time.LocalDateTime;
import dev.msgprobe.store.Grouping;
import dev.msgprobe.store.Query;
import dev.msgprobe.store.Store;
import dev.msgprobe.store.StoreException;
import dev.msgprobe.store.Stores;
import picocli.CommandLine.ParentCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code msgprobe report REPORT.jsonl...}: summarise stored reports (docs/contract/cli.md#report-options). */
@Command(name = "report", sortOptions = false, usageHelpAutoWidth = true)
final class ReportCommand implements Callable<Integer> {
  enum Format { table, json, markdown, html }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "REPORT", descriptionKey = "REPORT", arity = "0..*")
  List<Path> reports = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", order = 1)
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 2)
  Path output;

  @Option(names = "--reclassify", order = 3)
  boolean reclassify;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", order = 4)
  Terminal.ColorMode color;

  @Option(names = "--store", paramLabel = "URL", order = 5)
  String store;

  @Option(names = "--since", paramLabel = "DATE", order = 6)
  LocalDateTime since;

  @Option(names = "--by", paramLabel = "asn|cc|probe", order = 7)
  Grouping by;

  @Option(names = {"-h", "--help"}, usageHelp = true, order = 8)
  boolean help;

  @ParentCommand Main main;

  private Texts texts = Texts.english();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    texts = Main.texts(spec);
    if (output != null && reports.stream().anyMatch(r -> sameFile(r, output))) {
      err.println(texts.get("report.error", texts.get("report.outputIsInput", output)));
      return ExitCodes.BAD_INPUT;
    }
    if (reports.isEmpty() == (store == null)) {
      err.println(texts.get("report.error", texts.get("report.filesOrStore")));
      return ExitCodes.BAD_INPUT;
    }
    List<LoadedReport> loaded;
    if (store != null) {
      try {
        loaded = fromStore();
      } catch (StoreException e) {
        err.println(texts.get("report.error", e.getMessage()));
        return ExitCodes.BAD_INPUT;
      }
      if (reclassify) {
        List<String> messages = new ArrayList<>();
        loaded = ReportJob.reclassified(loaded, messages);
        messages.forEach(err::println);
      }
    } else {
      ReportJob.Result result = ReportJob.run(new ReportJob.Config(reports, reclassify));
      result.messages().forEach(err::println);
      if (result.outcome() == ReportJob.Outcome.BAD_INPUT) {
        err.flush();
        return ExitCodes.BAD_INPUT;
      }
      loaded = result.loaded();
    }
    err.flush();
    if (since != null) {
      loaded = loaded.stream().map(r -> new LoadedReport(r.file(), r.measurements().stream()
          .filter(m -> m.measurementStartTime() != null && m.measurementStartTime().compareTo(Since.ooni(since)) >= 0).toList(),
          r.warnings())).toList();
    }
    String text = by != null ? renderByNetwork(byNetwork(loaded))
        : render(StoredReports.summarise(loaded), output == null && Terminal.colour(color));
    return Output.write("report", text, output, out, err, texts);
  }

  /** The latest measurement of each endpoint in the store (per network with --by), as loaded reports. */
  private List<LoadedReport> fromStore() throws StoreException {
    try (Store s = Stores.open(store, StoreOption.env(main)).orElseThrow(() -> new StoreException(texts.get("report.storeNone")))) {
      Query query = new Query(since, null);
      if (by == null) {
        return List.of(new LoadedReport(Path.of(s.describe()), s.measurements(query), List.of()));
      }
      List<LoadedReport> out = new ArrayList<>();
      s.latestBy(by, query).forEach((network, ms) -> out.add(new LoadedReport(Path.of(network), ms, List.of())));
      return out;
    }
  }

  /** Each network's summary: from the store one report per network already, from files grouped here. */
  private Map<String, SummarisedRun> byNetwork(List<LoadedReport> loaded) {
    Map<String, List<Measurement>> groups = new TreeMap<>();
    for (LoadedReport r : loaded) {
      for (Measurement m : r.measurements()) {
        String key = store != null ? r.file().toString() : switch (by) {
          case ASN -> Objects.toString(m.probeAsn(), "AS0");
          case CC -> Objects.toString(m.probeCc(), "ZZ");
          case PROBE -> "local";
        };
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
      }
    }
    Map<String, SummarisedRun> out = new LinkedHashMap<>();
    groups.forEach((network, ms) -> out.put(network, StoredReports.summarise(List.of(new LoadedReport(Path.of(network), ms, List.of())))));
    return out;
  }

  private String renderByNetwork(Map<String, SummarisedRun> runs) {
    String name = by.name().toLowerCase(java.util.Locale.ROOT);
    return switch (format) {
      case table -> NetworkTable.text(runs, name, texts);
      case markdown -> NetworkTable.markdown(runs, name, texts);
      case html -> NetworkTable.html(runs, name, texts);
      case json -> {
        StringBuilder b = new StringBuilder("{\"by\": \"" + name + "\", \"networks\": {");
        List<String> parts = new ArrayList<>();
        runs.forEach((network, run) -> parts.add("\n\"" + network.replace("\"", "") + "\": " + ReportJson.summaryJson(run.summary()).strip()));
        yield b.append(String.join(",", parts)).append("\n}}\n").toString();
      }
    };
  }

  private String render(SummarisedRun run, boolean colour) {
    return switch (format) {
      case table -> new TableRenderer(colour, texts).render(run.summary(), run.measurements());
      case json -> ReportJson.summaryJson(run.summary());
      case markdown -> MarkdownRenderer.render(run.summary(), texts) + "\n"
          + MarkdownRenderer.renderEndpoints(run.measurements(), texts);
      case html -> HtmlRenderer.render(run.summary(), run.measurements(), texts);
    };
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }
}
