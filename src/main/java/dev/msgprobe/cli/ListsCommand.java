package dev.msgprobe.cli;

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
    description = "List the built-in test lists with their endpoint counts by service and function.",
    subcommands = {ListsCommand.Show.class, ListsCommand.Validate.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:lists read", "2:bad input (a list has errors, or no such list)"})
public final class ListsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
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
    int width = lists.stream().mapToInt(l -> l.name().length()).max().orElse(0);
    for (TestList list : lists) {
      out.printf("%-" + width + "s  %3d %s  %s%n", list.name(), list.endpoints().size(),
          endpointsWord(list.endpoints().size()), list.file());
      countsByService(list.endpoints()).forEach((service, functions) -> out.printf("  %s: %s%n", service,
          functions.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
    }
    out.printf("%nRun them with: msgprobe run [%s | all]%n", String.join(" | ", TestLists.SERVICES));
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

  static String endpointsWord(int count) {
    return count == 1 ? "endpoint" : "endpoints";
  }

  static int printErrors(CommandSpec spec, ListException e) {
    PrintWriter err = spec.commandLine().getErr();
    e.errors().forEach(err::println);
    err.flush();
    return ExitCode.USAGE;
  }

  @Command(name = "show", description = "Print the endpoints of a built-in list or of a list file.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(paramLabel = "NAME", description = "whatsapp, telegram, max, controls, or a list file")
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
      out.printf("%s: %d %s (%s)%n%n", list.name(), list.endpoints().size(), endpointsWord(list.endpoints().size()),
          list.file());
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("URL", "SERVICE", "FUNCTION", "METHOD", "THROUGHPUT"));
      for (Endpoint e : list.endpoints()) {
        rows.add(List.of(e.url(), e.service(), e.function(), e.method() == null ? "-" : e.method(),
            e.throughput() ? "yes" : ""));
      }
      printTable(out, rows);
      out.flush();
      return ExitCode.OK;
    }

    private static void printTable(PrintWriter out, List<List<String>> rows) {
      int[] widths = new int[rows.get(0).size()];
      for (List<String> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          widths[i] = Math.max(widths[i], row.get(i).length());
        }
      }
      for (List<String> row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
          line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", row.get(i)));
        }
        out.println(line.toString().stripTrailing());
      }
    }
  }

  @Command(name = "validate", description = "Check list files; print each problem as FILE:LINE: what is wrong.")
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "list files (CSV with a url column, or one URI per line)")
    List<Path> files;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      int status = ExitCode.OK;
      for (Path file : files) {
        try {
          TestList list = TestLists.load(file);
          out.printf("%s: %d %s OK%n", file, list.endpoints().size(), endpointsWord(list.endpoints().size()));
          out.flush();
        } catch (ListException e) {
          status = printErrors(spec, e);
        }
      }
      return status;
    }
  }
}
