package dev.msgprobe.report;

import dev.msgprobe.i18n.Texts;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.ServiceSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The summary as GitHub-flavoured Markdown (for CI job summaries): the table renderer's content. */
public final class MarkdownRenderer {
  private MarkdownRenderer() {}

  /** A header paragraph, network and controls, a table with one row per service, the report path; in English. */
  public static String render(RunSummary summary) {
    return render(summary, Texts.english());
  }

  /** As {@link #render(RunSummary)}, in the reader's language. */
  public static String render(RunSummary summary, Texts texts) {
    SummaryText words = new SummaryText(texts);
    List<String> lines = new ArrayList<>();
    List<String> header = words.header(summary);
    lines.add("**" + header.get(0) + "**, " + String.join(", ", header.subList(1, header.size())));
    lines.add("");
    String network = texts.get("table.network") + words.network(summary.networkMode()) + ".";
    List<String> controls = words.controls(summary.controls(), words::human);
    lines.add(escape(controls.isEmpty() ? network
        : network + " " + texts.get("table.controls") + String.join(", ", controls) + "."));
    lines.add("");
    Map<String, ServiceSummary> services = summary.services() == null ? Map.of() : summary.services();
    if (services.isEmpty()) {
      lines.add(texts.get("summary.noServices"));
    } else {
      lines.add(header(texts, "service", "status", "endpoints", "topMethods", "functions", "ooni"));
      services.forEach((name, s) -> lines.add(row(
          name,
          "**" + words.human(s.status()) + "**",
          words.endpoints(s.endpoints(), s.counts()),
          String.join(", ", words.topMethods(s.methods())),
          String.join(", ", words.functions(s.functions(), words::human)),
          String.join(" ", SummaryText.ooni(name, s.ooni())))));
    }
    if (summary.reportFile() != null) {
      lines.add("");
      lines.add(texts.get("table.report") + "`" + summary.reportFile() + "`");
    }
    return String.join("\n", lines) + "\n";
  }

  /** The endpoints that are not reachable as a table: service, endpoint, status, method, first evidence; in English. */
  public static String renderEndpoints(List<Measurement> measurements) {
    return renderEndpoints(measurements, Texts.english());
  }

  /** As {@link #renderEndpoints(List)}, in the reader's language. */
  public static String renderEndpoints(List<Measurement> measurements, Texts texts) {
    SummaryText words = new SummaryText(texts);
    List<SummaryText.Row> rows = words.notReachable(measurements);
    List<String> lines = new ArrayList<>();
    lines.add(words.notReachableTitle(rows.size(), measurements.size()));
    if (!rows.isEmpty()) {
      lines.add("");
      lines.add(header(texts, "service", "endpoint", "status", "method", "evidence"));
      for (SummaryText.Row r : rows) {
        lines.add(row(r.service(), "`" + r.input() + "`", r.label(), r.method(), r.evidence()));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  /** The heading row and the delimiter row of a table whose columns are the bundle's {@code column.<name>}. */
  private static String header(Texts texts, String... columns) {
    StringBuilder names = new StringBuilder("|");
    StringBuilder rule = new StringBuilder("|");
    for (String column : columns) {
      names.append(' ').append(texts.get("column." + column)).append(" |");
      rule.append(" --- |");
    }
    return names + "\n" + rule;
  }

  private static String row(String... cells) {
    StringBuilder b = new StringBuilder("|");
    for (String cell : cells) {
      b.append(' ').append(escape(cell)).append(" |");
    }
    return b.toString();
  }

  /** Pipes would end a cell and line breaks a row, even inside code spans. */
  private static String escape(String text) {
    return text.replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
  }
}
