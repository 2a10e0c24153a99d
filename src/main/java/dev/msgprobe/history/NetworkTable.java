package dev.msgprobe.history;

import static dev.msgprobe.report.HtmlPage.badge;
import static dev.msgprobe.report.HtmlPage.escape;

import dev.msgprobe.i18n.Texts;
import dev.msgprobe.report.HtmlPage;
import dev.msgprobe.report.SummarisedRun;
import dev.msgprobe.analysis.Summaries;
import dev.msgprobe.model.ServiceSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each service and function is blocked and where not: one column per network (an ASN, a
 * country, a probe), one row per service and per function, each cell the status there and the method
 * seen most; and the same in sentences ({@code whatsapp web: blocked (tls.reset) on AS12389, reachable
 * on AS31213}).
 */
public final class NetworkTable {
  /** A row: a service (function null) or one of its functions, with its cell per network. */
  public record Row(String service, String function, Map<String, String> statusByNetwork, Map<String, String> methodByNetwork) {}

  private NetworkTable() {}

  /** {@code runs}: each network's summarised measurements, in the order to show. */
  public static List<Row> rows(Map<String, SummarisedRun> runs) {
    Set<String> services = new LinkedHashSet<>();
    runs.values().forEach(r -> services.addAll(r.summary().services().keySet()));
    List<Row> rows = new ArrayList<>();
    for (String service : services) {
      Set<String> functions = new LinkedHashSet<>();
      runs.values().forEach(r -> {
        ServiceSummary s = r.summary().services().get(service);
        if (s != null) {
          functions.addAll(s.functions().keySet());
        }
      });
      rows.add(row(runs, service, null));
      functions.forEach(f -> rows.add(row(runs, service, f)));
    }
    return rows;
  }

  private static Row row(Map<String, SummarisedRun> runs, String service, String function) {
    Map<String, String> statuses = new LinkedHashMap<>();
    Map<String, String> methods = new LinkedHashMap<>();
    runs.forEach((network, run) -> {
      ServiceSummary s = run.summary().services().get(service);
      if (s == null || function != null && !s.functions().containsKey(function)) {
        return;
      }
      dev.msgprobe.model.ServiceStatus status = function == null ? s.status() : s.functions().get(function);
      statuses.put(network, status == null ? null : status.wire());
      String method = Summaries.mainMethod(run.measurements().stream().filter(m -> service.equals(Summaries.service(m))
          && (function == null || function.equals(m.annotation("function")))).toList());
      if (method != null) {
        methods.put(network, method);
      }
    });
    return new Row(service, function, statuses, methods);
  }

  public static String text(Map<String, SummarisedRun> runs, String by) {
    List<Row> rows = rows(runs);
    List<String> networks = new ArrayList<>(runs.keySet());
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("service", "function"));
    header.addAll(networks);
    table.add(header);
    for (Row r : rows) {
      List<String> line = new ArrayList<>(List.of(r.service(), r.function() == null ? "" : r.function()));
      networks.forEach(n -> line.add(cell(r, n)));
      table.add(line);
    }
    int[] widths = new int[header.size()];
    table.forEach(line -> {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    });
    StringBuilder out = new StringBuilder("By " + by + ": " + networks.size() + (networks.size() == 1 ? " network" : " networks") + "\n\n");
    for (List<String> line : table) {
      StringBuilder l = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        l.append(i == 0 ? "" : "  ").append(line.get(i)).append(" ".repeat(widths[i] - line.get(i).length()));
      }
      out.append(l.toString().stripTrailing()).append('\n');
    }
    out.append('\n');
    rows.forEach(r -> out.append(sentence(r)).append('\n'));
    return out.toString();
  }

  public static String markdown(Map<String, SummarisedRun> runs, String by) {
    List<String> networks = new ArrayList<>(runs.keySet());
    StringBuilder out = new StringBuilder("# msgprobe report by " + by + "\n\n| service | function |");
    networks.forEach(n -> out.append(' ').append(n).append(" |"));
    out.append("\n|---|---|");
    networks.forEach(n -> out.append("---|"));
    out.append('\n');
    for (Row r : rows(runs)) {
      out.append("| ").append(r.service()).append(" | ").append(r.function() == null ? "" : r.function()).append(" |");
      networks.forEach(n -> out.append(' ').append(cell(r, n)).append(" |"));
      out.append('\n');
    }
    return out.toString();
  }

  public static String html(Map<String, SummarisedRun> runs, String by) {
    List<String> networks = new ArrayList<>(runs.keySet());
    StringBuilder b = new StringBuilder(HtmlPage.head("msgprobe report by " + by));
    b.append("<h1>msgprobe report by ").append(escape(by)).append("</h1>\n<p class=\"meta\">").append(networks.size())
        .append(networks.size() == 1 ? " network" : " networks").append("; each cell: the status there and the method seen most.</p>\n")
        .append("<table>\n<thead><tr><th>Service</th><th>Function</th>");
    networks.forEach(n -> b.append("<th>").append(escape(n)).append("</th>"));
    b.append("</tr></thead>\n<tbody>\n");
    Set<String> methods = new java.util.TreeSet<>();
    for (Row r : rows(runs)) {
      b.append("<tr><td>").append(r.function() == null ? "<strong>" + escape(r.service()) + "</strong>" : "")
          .append("</td><td>").append(escape(r.function() == null ? "" : r.function())).append("</td>");
      for (String n : networks) {
        String status = r.statusByNetwork().get(n);
        String method = r.methodByNetwork().get(n);
        if (method != null) {
          methods.add(method);
        }
        b.append("<td>").append(status == null ? "–" : badge(status, Texts.english()) + (method == null ? "" : " <code>" + escape(method) + "</code>"))
            .append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n<h2>In words</h2>\n<ul class=\"changes\">\n");
    rows(runs).forEach(r -> b.append("<li>").append(escape(sentence(r))).append("</li>\n"));
    b.append("</ul>\n").append(HtmlPage.legend(methods, Texts.english()));
    return b.append(HtmlPage.tail()).toString();
  }

  /** {@code whatsapp web: blocked (tls.reset) on AS12389, reachable on AS31213}: networks grouped by what they saw. */
  static String sentence(Row r) {
    Map<String, List<String>> byCell = new LinkedHashMap<>();
    r.statusByNetwork().keySet().forEach(n -> byCell.computeIfAbsent(cell(r, n), k -> new ArrayList<>()).add(n));
    List<String> parts = new ArrayList<>();
    byCell.entrySet().stream()
        .sorted(java.util.Comparator.comparingInt(e -> HtmlPage.rank(e.getKey().split(" ")[0])))
        .forEach(e -> parts.add(e.getKey() + " on " + String.join(", ", e.getValue())));
    return r.service() + (r.function() == null ? "" : " " + r.function()) + ": " + String.join("; ", parts);
  }

  private static String cell(Row r, String network) {
    String status = r.statusByNetwork().get(network);
    if (status == null) {
      return "-";
    }
    String method = r.methodByNetwork().get(network);
    return method == null || status.equals("reachable") ? status : status + " (" + method + ")";
  }
}
