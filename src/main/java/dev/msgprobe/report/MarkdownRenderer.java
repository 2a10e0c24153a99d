package dev.msgprobe.report;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.ServiceSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The summary as GitHub-flavoured Markdown (for CI job summaries): the table renderer's content. */
public final class MarkdownRenderer {
  private MarkdownRenderer() {}

  /** A header paragraph, network and controls, a table with one row per service, the report path. */
  public static String render(RunSummary summary) {
    List<String> lines = new ArrayList<>();
    List<String> header = SummaryText.header(summary);
    lines.add("**" + header.get(0) + "**, " + String.join(", ", header.subList(1, header.size())));
    lines.add("");
    String network = "Network: " + SummaryText.network(summary.networkMode()) + ".";
    List<String> controls = SummaryText.controls(summary.controls(), SummaryText::human);
    lines.add(escape(controls.isEmpty() ? network : network + " Controls: " + String.join(", ", controls) + "."));
    lines.add("");
    Map<String, ServiceSummary> services = summary.services() == null ? Map.of() : summary.services();
    if (services.isEmpty()) {
      lines.add("No services measured.");
    } else {
      lines.add("| Service | Status | Endpoints | Top methods | Functions | OONI |");
      lines.add("| --- | --- | --- | --- | --- | --- |");
      services.forEach((name, s) -> lines.add(row(
          name,
          "**" + SummaryText.human(s.status()) + "**",
          SummaryText.endpoints(s.endpoints(), s.counts()),
          String.join(", ", SummaryText.topMethods(s.methods())),
          String.join(", ", SummaryText.functions(s.functions(), SummaryText::human)),
          String.join(" ", SummaryText.ooni(name, s.ooni())))));
    }
    if (summary.reportFile() != null) {
      lines.add("");
      lines.add("Report: `" + summary.reportFile() + "`");
    }
    return String.join("\n", lines) + "\n";
  }

  /** The endpoints that are not reachable as a table: service, endpoint, status, method, first evidence. */
  public static String renderEndpoints(List<Measurement> measurements) {
    List<SummaryText.Row> rows = SummaryText.notReachable(measurements);
    List<String> lines = new ArrayList<>();
    lines.add(SummaryText.notReachableTitle(rows.size(), measurements.size()));
    if (!rows.isEmpty()) {
      lines.add("");
      lines.add("| Service | Endpoint | Status | Method | Evidence |");
      lines.add("| --- | --- | --- | --- | --- |");
      for (SummaryText.Row r : rows) {
        lines.add(row(r.service(), "`" + r.input() + "`", r.label(), r.method(), r.evidence()));
      }
    }
    return String.join("\n", lines) + "\n";
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
