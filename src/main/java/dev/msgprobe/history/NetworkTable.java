package dev.msgprobe.history;

import static dev.msgprobe.report.HtmlPage.badge;
import static dev.msgprobe.report.HtmlPage.escape;

import dev.msgprobe.i18n.Texts;
import dev.msgprobe.report.HtmlPage;
import dev.msgprobe.report.TextColumns;
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

  public static String text(Map<String, SummarisedRun> runs, String by, Texts texts) {
    List<Row> rows = rows(runs);
    List<String> networks = new ArrayList<>(runs.keySet());
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of(texts.get("byNetwork.column.service"), texts.get("byNetwork.column.function")));
    header.addAll(networks);
    table.add(header);
    for (Row r : rows) {
      List<String> line = new ArrayList<>(List.of(r.service(), r.function() == null ? "" : r.function()));
      networks.forEach(n -> line.add(shown(r, n, texts)));
      table.add(line);
    }
    StringBuilder out = new StringBuilder(texts.get("byNetwork.title", by, texts.count("byNetwork.networks", networks.size())))
        .append("\n\n");
    TextColumns.lines(table).forEach(line -> out.append(line).append('\n'));
    out.append('\n');
    rows.forEach(r -> out.append(sentence(r, texts)).append('\n'));
    return out.toString();
  }

  public static String markdown(Map<String, SummarisedRun> runs, String by, Texts texts) {
    List<String> networks = new ArrayList<>(runs.keySet());
    StringBuilder out = new StringBuilder("# ").append(texts.get("byNetwork.heading", by)).append("\n\n| ")
        .append(texts.get("byNetwork.column.service")).append(" | ").append(texts.get("byNetwork.column.function")).append(" |");
    networks.forEach(n -> out.append(' ').append(n).append(" |"));
    out.append("\n|---|---|");
    networks.forEach(n -> out.append("---|"));
    out.append('\n');
    for (Row r : rows(runs)) {
      out.append("| ").append(r.service()).append(" | ").append(r.function() == null ? "" : r.function()).append(" |");
      networks.forEach(n -> out.append(' ').append(shown(r, n, texts)).append(" |"));
      out.append('\n');
    }
    return out.toString();
  }

  public static String html(Map<String, SummarisedRun> runs, String by, Texts texts) {
    List<String> networks = new ArrayList<>(runs.keySet());
    StringBuilder b = new StringBuilder(HtmlPage.head(texts.get("byNetwork.heading", by), texts));
    b.append("<h1>").append(escape(texts.get("byNetwork.heading", by))).append("</h1>\n<p class=\"meta\">")
        .append(escape(texts.get("byNetwork.legend", texts.count("byNetwork.networks", networks.size())))).append("</p>\n")
        .append("<table>\n<thead><tr><th>").append(escape(texts.get("column.service"))).append("</th><th>")
        .append(escape(texts.get("column.function"))).append("</th>");
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
        b.append("<td>").append(status == null ? "–" : badge(status, texts) + (method == null ? "" : " <code>" + escape(method) + "</code>"))
            .append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n<h2>").append(escape(texts.get("byNetwork.inWords"))).append("</h2>\n<ul class=\"changes\">\n");
    rows(runs).forEach(r -> b.append("<li>").append(escape(sentence(r, texts))).append("</li>\n"));
    b.append("</ul>\n").append(HtmlPage.legend(methods, texts));
    return b.append(HtmlPage.tail()).toString();
  }

  /** {@code whatsapp web: blocked (tls.reset) on AS12389, reachable on AS31213}: networks grouped by what they saw, worst first. */
  static String sentence(Row r, Texts texts) {
    Map<String, List<String>> byCell = new LinkedHashMap<>();
    r.statusByNetwork().keySet().forEach(n -> byCell.computeIfAbsent(cell(r, n), k -> new ArrayList<>()).add(n));
    List<String> parts = new ArrayList<>();
    byCell.entrySet().stream()
        .sorted(java.util.Comparator.comparingInt(e -> HtmlPage.rank(e.getKey().split(" ")[0])))
        .forEach(e -> parts.add(texts.get("byNetwork.on", shown(r, e.getValue().get(0), texts), String.join(", ", e.getValue()))));
    return r.service() + (r.function() == null ? "" : " " + r.function()) + ": " + String.join("; ", parts);
  }

  /** A cell as a person reads it: the status in words, the method as the report names it. */
  private static String shown(Row r, String network, Texts texts) {
    String status = r.statusByNetwork().get(network);
    if (status == null) {
      return "-";
    }
    String method = r.methodByNetwork().get(network);
    String words = texts.status(status);
    return method == null || status.equals("reachable") ? words : words + " (" + method + ")";
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
