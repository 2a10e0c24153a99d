package dev.msgprobe.cli;

import dev.msgprobe.report.TextColumns;
import dev.msgprobe.i18n.Texts;
import dev.msgprobe.lists.ListException;
import dev.msgprobe.lists.TestList;
import dev.msgprobe.lists.TestLists;
import dev.msgprobe.model.Endpoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code msgprobe lists [show NAME | validate FILE...]}: list, show and check test lists (docs/contract/cli.md, docs/contract/lists.md). */
@Command(
    name = "lists",
    subcommands = {ListsCommand.Show.class, ListsCommand.Validate.class})
public final class ListsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true)
  boolean help;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<TestList> lists = new ArrayList<>();
    for (String name : TestLists.builtInNames()) {
      try {
        lists.add(TestLists.builtIn(name));
      } catch (ListException e) {
        return printErrors(spec, e);
      }
    }
    Texts texts = Main.texts(spec);
    int width = lists.stream().mapToInt(l -> l.name().length()).max().orElse(0);
    for (TestList list : lists) {
      out.printf("%-" + width + "s  %13s  %s%n", list.name(), texts.count("summary.endpoints", list.endpoints().size()),
          list.file());
      countsByService(list.endpoints()).forEach((service, functions) -> out.printf("  %s: %s%n", service,
          functions.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
    }
    out.println();
    out.println(texts.get("lists.runThem", String.join(" | ", TestLists.SERVICES)));
    out.flush();
    return ExitCode.OK;
  }

  /** Endpoint counts per service, then per function, both in list order. */
  static Map<String, Map<String, Integer>> countsByService(List<Endpoint> endpoints) {
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    for (Endpoint e : endpoints) {
      counts.computeIfAbsent(e.service(), s -> new LinkedHashMap<>()).merge(e.function(), 1, Integer::sum);
    }
    return counts;
  }

  static int printErrors(CommandSpec spec, ListException e) {
    PrintWriter err = spec.commandLine().getErr();
    e.errors().forEach(err::println);
    err.flush();
    return ExitCode.USAGE;
  }

  @Command(name = "show")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true)
    boolean help;

    @Parameters(paramLabel = "NAME", descriptionKey = "NAME")
    String name;

    @Override
    public Integer call() {
      TestList list;
      try {
        list = TestLists.open(name);
      } catch (ListException e) {
        return printErrors(spec, e);
      }
      PrintWriter out = spec.commandLine().getOut();
      Texts texts = Main.texts(spec);
      out.println(texts.get("lists.shown", list.name(), texts.count("summary.endpoints", list.endpoints().size()),
          list.file()));
      out.println();
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("URL", texts.get("compare.column.service"), texts.get("lists.column.function"),
          texts.get("lists.column.method"), texts.get("lists.column.throughput")));
      for (Endpoint e : list.endpoints()) {
        rows.add(List.of(e.url(), e.service(), e.function(), e.method() == null ? "-" : e.method(),
            e.throughput() ? texts.get("lists.yes") : ""));
      }
      printTable(out, rows);
      out.flush();
      return ExitCode.OK;
    }

    private static void printTable(PrintWriter out, List<List<String>> rows) {
      TextColumns.lines(rows).forEach(out::println);
    }
  }

  @Command(name = "validate")
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true)
    boolean help;

    @Parameters(paramLabel = "FILE", descriptionKey = "FILE", arity = "1..*")
    List<Path> files;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      int status = ExitCode.OK;
      for (Path file : files) {
        try {
          TestList list = TestLists.load(file);
          Texts texts = Main.texts(spec);
          out.println(texts.get("lists.valid", file, texts.count("summary.endpoints", list.endpoints().size())));
          out.flush();
        } catch (ListException e) {
          status = printErrors(spec, e);
        }
      }
      return status;
    }
  }
}
