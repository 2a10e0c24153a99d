package dev.msgprobe.report;

import dev.msgprobe.i18n.Texts;
import dev.msgprobe.report.ReportDiff.Brief;
import dev.msgprobe.report.ReportDiff.Change;
import dev.msgprobe.report.ReportDiff.EndpointChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The comparison of two runs as plain text in the reader's language: which runs, the network mode, a
 * table of services (old and new status), a table of the endpoints listed by the comparison, and a
 * count line. Ends with a newline. Methods and the comparison's change names stay as the JSON has them.
 */
public final class DiffRenderer {
  private static final String NONE = "-";

  private DiffRenderer() {}

  /** The comparison in English. */
  public static String table(ReportDiff diff) {
    return table(diff, Texts.english());
  }

  public static String table(ReportDiff diff, Texts texts) {
    List<String> lines = new ArrayList<>();
    lines.add(texts.get("compare.old", side(diff.oldRun(), texts)));
    lines.add(texts.get("compare.new", side(diff.newRun(), texts)));
    Change mode = diff.networkMode();
    lines.add(texts.get("table.network") + (mode.changed() ? orNone(mode.oldValue()) + " -> " + orNone(mode.newValue())
        : orNone(mode.newValue())));
    lines.add("");
    if (diff.services().isEmpty()) {
      lines.add(texts.get("summary.noServices"));
    } else {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of(texts.get("compare.column.service"), texts.get("compare.column.old"),
          texts.get("compare.column.new"), ""));
      for (Map.Entry<String, Change> e : diff.services().entrySet()) {
        Change c = e.getValue();
        rows.add(List.of(e.getKey(), status(c.oldValue(), texts), status(c.newValue(), texts), serviceNote(c, texts)));
      }
      lines.addAll(TextColumns.lines(rows));
    }
    if (!diff.endpoints().isEmpty()) {
      lines.add("");
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of(texts.get("compare.column.change"), texts.get("compare.column.service"),
          texts.get("compare.column.endpoint"), texts.get("compare.column.old"), texts.get("compare.column.new")));
      for (EndpointChange e : diff.endpoints()) {
        rows.add(List.of(e.change(), orNone(e.service()), e.key(), verdict(e.oldVerdict(), texts),
            verdict(e.newVerdict(), texts)));
      }
      lines.addAll(TextColumns.lines(rows));
    }
    lines.add("");
    lines.add(counts(diff, texts));
    return String.join("\n", lines) + "\n";
  }

  /** {@code Endpoints: 2 status changed, 1 method changed, 1 added, 0 removed, 40 unchanged.} */
  private static String counts(ReportDiff diff, Texts texts) {
    if (diff.endpoints().isEmpty()) {
      return texts.get("compare.noChange", diff.unchangedEndpoints());
    }
    return texts.get("compare.counts", count(diff, ReportDiff.STATUS), count(diff, ReportDiff.METHOD),
        count(diff, ReportDiff.ADDED), count(diff, ReportDiff.REMOVED), diff.unchangedEndpoints());
  }

  private static long count(ReportDiff diff, String change) {
    return diff.endpoints().stream().filter(e -> change.equals(e.change())).count();
  }

  private static String side(ReportDiff.Side side, Texts texts) {
    String file = side.reportFile() == null ? texts.get("compare.noFile") : side.reportFile();
    return side.started() == null ? file : texts.get("compare.startedAt", file, side.started());
  }

  private static String serviceNote(Change c, Texts texts) {
    if (c.changed()) {
      return texts.get("compare.changed");
    }
    if (c.oldValue() == null) {
      return texts.get("compare.onlyInNew");
    }
    return c.newValue() == null ? texts.get("compare.onlyInOld") : "";
  }

  private static String status(String wire, Texts texts) {
    return wire == null ? NONE : texts.status(wire);
  }

  /** {@code blocked tls.reset}, {@code reachable}, {@code no verdict}, or {@code -} when not measured. */
  private static String verdict(Brief b, Texts texts) {
    if (b == null) {
      return NONE;
    }
    if (b.status() == null) {
      return texts.get("status.none");
    }
    String status = texts.status(b.status());
    return b.method() == null || b.method().equals("ok") ? status : status + " " + b.method();
  }

  private static String orNone(String s) {
    return s == null ? NONE : s;
  }
}
