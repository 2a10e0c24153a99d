package dev.msgprobe.history;

import dev.msgprobe.i18n.Texts;
import dev.msgprobe.report.TextColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The history as a plain-text table or as Markdown, in the reader's language (statuses in words, methods as they are). */
public final class HistoryText {
  private HistoryText() {}

  /** The table in English. */
  public static String table(History h) {
    return table(h, Texts.english());
  }

  /** One row per run, one column per service ({@code status (method)}), then the changes. */
  public static String table(History h, Texts texts) {
    StringBuilder out = new StringBuilder();
    out.append(heading(h, texts)).append("\n\n");
    if (h.runs().isEmpty()) {
      return out.toString();
    }
    List<String> header = new ArrayList<>(List.of(texts.get("history.column.started"), texts.get("history.column.network")));
    Set<String> services = h.services();
    header.addAll(services);
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (Run r : h.runs()) {
      List<String> row = new ArrayList<>(List.of(r.started(), r.probeAsn() + " " + r.probeCc()));
      for (String s : services) {
        ServiceRun sr = r.services().get(s);
        row.add(sr == null ? "-" : cell(sr.state(), texts));
      }
      rows.add(row);
    }
    TextColumns.lines(rows).forEach(line -> out.append(line).append('\n'));
    out.append('\n').append(changesTitle(h, texts)).append('\n');
    h.changes().forEach(c -> out.append("  ").append(change(c, texts)).append('\n'));
    return out.toString();
  }

  /** The Markdown in English. */
  public static String markdown(History h) {
    return markdown(h, Texts.english());
  }

  public static String markdown(History h, Texts texts) {
    StringBuilder out = new StringBuilder("# ").append(texts.get("history.title")).append("\n\n")
        .append(heading(h, texts)).append("\n\n");
    if (h.runs().isEmpty()) {
      return out.toString();
    }
    Set<String> services = h.services();
    out.append("| ").append(texts.get("history.column.started")).append(" | ").append(texts.get("history.column.network"))
        .append(" |");
    services.forEach(s -> out.append(' ').append(s).append(" |"));
    out.append("\n|---|---|");
    services.forEach(s -> out.append("---|"));
    out.append('\n');
    for (Run r : h.runs()) {
      out.append("| ").append(r.started()).append(" | ").append(r.probeAsn()).append(' ').append(r.probeCc()).append(" |");
      for (String s : services) {
        ServiceRun sr = r.services().get(s);
        out.append(' ').append(sr == null ? "–" : cell(sr.state(), texts)).append(" |");
      }
      out.append('\n');
    }
    out.append("\n## ").append(changesTitle(h, texts)).append("\n\n");
    h.changes().forEach(c -> out.append("- ").append(change(c, texts)).append('\n'));
    return out.toString();
  }

  static String heading(History h, Texts texts) {
    if (h.runs().isEmpty()) {
      return texts.get("history.noRuns", h.store());
    }
    return texts.get("history.heading", texts.count("history.runs", h.runs().size()), h.runs().get(0).started(),
        h.runs().get(h.runs().size() - 1).started(), h.store());
  }

  static String changesTitle(History h, Texts texts) {
    return h.changes().isEmpty() ? texts.get("history.noChanges") : texts.get("history.changes", h.changes().size());
  }

  static String cell(State s, Texts texts) {
    String status = texts.status(s.status());
    return s.method() == null ? status : status + " (" + s.method() + ")";
  }

  /**
   * A change as a person reads it ({@code whatsapp web: dns.nxdomain → tls.reset on 2026-03-02}); the
   * JSON keeps {@link Change#text()}, in English.
   */
  static String change(Change c, Texts texts) {
    String what = c.function() == null ? c.service() : c.service() + " " + c.function();
    String day = c.at() == null || c.at().length() < 10 ? String.valueOf(c.at()) : c.at().substring(0, 10);
    String fromText = label(c.from(), texts);
    String toText = label(c.to(), texts);
    if (fromText.equals(toText)) {
      fromText = texts.status(c.from().status()) + " (" + fromText + ")";
      toText = texts.status(c.to().status()) + " (" + toText + ")";
    }
    return texts.get("history.change", what, fromText, toText, day);
  }

  /** The method when there is one, else the status in words. */
  private static String label(State s, Texts texts) {
    String label = s.label();
    return label.equals(s.status()) ? texts.status(label) : label;
  }
}
