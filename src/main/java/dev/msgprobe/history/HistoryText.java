package dev.msgprobe.history;

import dev.msgprobe.report.TextColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The history as a plain-text table or as Markdown. */
public final class HistoryText {
  private HistoryText() {}

  /** One row per run, one column per service ({@code status (method)}), then the changes. */
  public static String table(History h) {
    StringBuilder out = new StringBuilder();
    out.append(heading(h)).append("\n\n");
    if (h.runs().isEmpty()) {
      return out.toString();
    }
    List<String> header = new ArrayList<>(List.of("started (UTC)", "network"));
    Set<String> services = h.services();
    header.addAll(services);
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (Run r : h.runs()) {
      List<String> row = new ArrayList<>(List.of(r.started(), r.probeAsn() + " " + r.probeCc()));
      for (String s : services) {
        ServiceRun sr = r.services().get(s);
        row.add(sr == null ? "-" : cell(sr.state()));
      }
      rows.add(row);
    }
    TextColumns.lines(rows).forEach(line -> out.append(line).append('\n'));
    out.append('\n').append(changesTitle(h)).append('\n');
    h.changes().forEach(c -> out.append("  ").append(c.text()).append('\n'));
    return out.toString();
  }

  public static String markdown(History h) {
    StringBuilder out = new StringBuilder("# msgprobe history\n\n").append(heading(h)).append("\n\n");
    if (h.runs().isEmpty()) {
      return out.toString();
    }
    Set<String> services = h.services();
    out.append("| started (UTC) | network |");
    services.forEach(s -> out.append(' ').append(s).append(" |"));
    out.append("\n|---|---|");
    services.forEach(s -> out.append("---|"));
    out.append('\n');
    for (Run r : h.runs()) {
      out.append("| ").append(r.started()).append(" | ").append(r.probeAsn()).append(' ').append(r.probeCc()).append(" |");
      for (String s : services) {
        ServiceRun sr = r.services().get(s);
        out.append(' ').append(sr == null ? "–" : cell(sr.state())).append(" |");
      }
      out.append('\n');
    }
    out.append("\n## ").append(changesTitle(h)).append("\n\n");
    h.changes().forEach(c -> out.append("- ").append(c.text()).append('\n'));
    return out.toString();
  }

  static String heading(History h) {
    if (h.runs().isEmpty()) {
      return "No runs recorded in " + h.store() + " (msgprobe run records each run; msgprobe import adds old reports).";
    }
    return h.runs().size() + (h.runs().size() == 1 ? " run" : " runs") + " from " + h.runs().get(0).started()
        + " to " + h.runs().get(h.runs().size() - 1).started() + " UTC, in " + h.store();
  }

  static String changesTitle(History h) {
    return h.changes().isEmpty() ? "No changes between consecutive runs."
        : "Changes (" + h.changes().size() + "):";
  }

  static String cell(State s) {
    return s.method() == null ? s.status() : s.status() + " (" + s.method() + ")";
  }

}
