package dev.msgprobe.report;

import dev.msgprobe.report.ReportDiff.Brief;
import dev.msgprobe.report.ReportDiff.Change;
import dev.msgprobe.report.ReportDiff.EndpointChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The comparison of two runs as plain text: which runs, the network mode, a table of services (old and
 * new status), a table of the endpoints listed by the comparison, and a count line. Ends with a newline.
 */
public final class DiffRenderer {
  private static final String NONE = "-";

  private DiffRenderer() {}

  public static String table(ReportDiff diff) {
    List<String> lines = new ArrayList<>();
    lines.add("Old: " + side(diff.oldRun()));
    lines.add("New: " + side(diff.newRun()));
    Change mode = diff.networkMode();
    lines.add("Network: " + (mode.changed() ? arrow(mode) : orNone(mode.newValue())));
    lines.add("");
    if (diff.services().isEmpty()) {
      lines.add("No services measured.");
    } else {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("SERVICE", "OLD", "NEW", ""));
      for (Map.Entry<String, Change> e : diff.services().entrySet()) {
        Change c = e.getValue();
        rows.add(List.of(e.getKey(), orNone(c.oldValue()), orNone(c.newValue()), serviceNote(c)));
      }
      lines.addAll(columns(rows));
    }
    if (!diff.endpoints().isEmpty()) {
      lines.add("");
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("CHANGE", "SERVICE", "ENDPOINT", "OLD", "NEW"));
      for (EndpointChange e : diff.endpoints()) {
        rows.add(List.of(e.change(), orNone(e.service()), e.key(), verdict(e.oldVerdict()), verdict(e.newVerdict())));
      }
      lines.addAll(columns(rows));
    }
    lines.add("");
    lines.add(counts(diff));
    return String.join("\n", lines) + "\n";
  }

  /** {@code Endpoints: 2 status changed, 1 method changed, 1 added, 0 removed, 40 unchanged.} */
  private static String counts(ReportDiff diff) {
    if (diff.endpoints().isEmpty()) {
      return "Endpoints: no change (" + diff.unchangedEndpoints() + " with the same verdict).";
    }
    return "Endpoints: " + count(diff, ReportDiff.STATUS) + " status changed, " + count(diff, ReportDiff.METHOD)
        + " method changed, " + count(diff, ReportDiff.ADDED) + " added, " + count(diff, ReportDiff.REMOVED)
        + " removed, " + diff.unchangedEndpoints() + " unchanged.";
  }

  private static long count(ReportDiff diff, String change) {
    return diff.endpoints().stream().filter(e -> change.equals(e.change())).count();
  }

  private static String side(ReportDiff.Side side) {
    String file = side.reportFile() == null ? "(no file)" : side.reportFile();
    return side.started() == null ? file : file + ", started " + side.started() + " UTC";
  }

  private static String serviceNote(Change c) {
    if (c.changed()) {
      return "changed";
    }
    if (c.oldValue() == null) {
      return "only in new";
    }
    return c.newValue() == null ? "only in old" : "";
  }

  /** {@code blocked tls.reset}, {@code reachable}, {@code no verdict}, or {@code -} when not measured. */
  private static String verdict(Brief b) {
    if (b == null) {
      return NONE;
    }
    if (b.status() == null) {
      return "no verdict";
    }
    return b.method() == null || b.method().equals("ok") ? b.status() : b.status() + " " + b.method();
  }

  private static String arrow(Change c) {
    return orNone(c.oldValue()) + " -> " + orNone(c.newValue());
  }

  private static String orNone(String s) {
    return s == null ? NONE : s;
  }

  /** Left-aligned columns two spaces apart, trailing blanks removed. */
  private static List<String> columns(List<List<String>> rows) {
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> out = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == 0 ? "" : "  ").append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length()));
      }
      out.add(line.toString().stripTrailing());
    }
    return out;
  }
}
