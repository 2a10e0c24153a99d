package dev.msgprobe.history;

import static dev.msgprobe.report.HtmlPage.badge;
import static dev.msgprobe.report.HtmlPage.escape;

import dev.msgprobe.model.Method;
import dev.msgprobe.i18n.Texts;
import dev.msgprobe.report.HtmlPage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The history as one self-contained, printable page: a card per service (its latest state, functions
 * beneath, where and when last measured); two inline SVG charts, the status of each service and
 * function per run, and a timeline of how each was blocked (its method) with the changes marked; the
 * changes in words; a legend of the methods; the runs. No script, nothing loaded.
 */
public final class HistoryHtml {
  private static final DateTimeFormatter OONI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final Map<String, String> STATUS_COLOURS = Map.of(
      "reachable", "#2e7d32", "blocked", "#c62828", "partially_blocked", "#e65100", "throttled", "#f9a825",
      "down", "#616161", "inconclusive", "#9e9e9e");
  private static final Map<String, String> LAYER_COLOURS = Map.of(
      "dns", "#6a1b9a", "tcp", "#1565c0", "tls", "#c62828", "http", "#6d4c41", "quic", "#00838f", "udp", "#00695c");
  private static final int LABEL_WIDTH = 190;
  private static final int PLOT_WIDTH = 700;
  private static final int ROW_HEIGHT = 22;

  private HistoryHtml() {}

  /** The page in English. */
  public static String render(History h) {
    return render(h, Texts.english());
  }

  public static String render(History h, Texts texts) {
    StringBuilder b = new StringBuilder(HtmlPage.head(texts.get("history.title"), texts));
    b.append("<h1>").append(escape(texts.get("history.title"))).append("</h1>\n<p class=\"meta\">").append(escape(HistoryText.heading(h, texts))).append("</p>\n");
    if (h.runs().isEmpty()) {
      return b.append(HtmlPage.tail()).toString();
    }
    List<Row> rows = rows(h);
    cards(b, h, texts);
    section(b, texts, "history.html.statusChart");
    statusChart(b, h, rows, texts);
    section(b, texts, "history.html.methodTimeline");
    methodTimeline(b, h, rows, texts);
    b.append("<h2>").append(escape(HistoryText.changesTitle(h, texts))).append("</h2>\n");
    if (!h.changes().isEmpty()) {
      b.append("<ul class=\"changes\">\n");
      h.changes().forEach(c -> b.append("<li>").append(escape(HistoryText.change(c, texts))).append("</li>\n"));
      b.append("</ul>\n");
    }
    Set<String> methods = new TreeSet<>();
    rows.forEach(r -> r.states.forEach(s -> {
      if (s != null && s.method() != null) {
        methods.add(s.method());
      }
    }));
    b.append(HtmlPage.legend(methods, texts));
    runsTable(b, h, texts);
    return b.append(HtmlPage.tail()).toString();
  }

  /** A heading and the paragraph under it: the bundle's {@code key} and {@code key.note}. */
  private static void section(StringBuilder b, Texts texts, String key) {
    b.append("<h2>").append(escape(texts.get(key))).append("</h2>\n<p class=\"meta\">")
        .append(escape(texts.get(key + ".note"))).append("</p>\n");
  }

  /** A chart row: a service, or one of its functions, with its state in each run (null: not measured). */
  private record Row(String label, boolean function, List<State> states) {}

  private static List<Row> rows(History h) {
    List<Row> rows = new ArrayList<>();
    for (String service : h.services()) {
      List<State> states = new ArrayList<>();
      for (Run r : h.runs()) {
        ServiceRun s = r.services().get(service);
        states.add(s == null ? null : s.state());
      }
      rows.add(new Row(service, false, states));
      for (String function : h.functions(service)) {
        List<State> fs = new ArrayList<>();
        for (Run r : h.runs()) {
          ServiceRun s = r.services().get(service);
          fs.add(s == null ? null : s.functions().get(function));
        }
        rows.add(new Row(function, true, fs));
      }
    }
    return rows;
  }

  private static void cards(StringBuilder b, History h, Texts texts) {
    b.append("<section class=\"cards\">\n");
    for (String service : h.services()) {
      Run last = null;
      Run since = null;
      for (Run r : h.runs()) {
        ServiceRun s = r.services().get(service);
        if (s == null) {
          continue;
        }
        if (last == null || !last.services().get(service).state().equals(s.state())) {
          since = r;
        }
        last = r;
      }
      ServiceRun s = last.services().get(service);
      b.append("<div class=\"card ").append(HtmlPage.cssStatus(s.status())).append("\">\n<h3>").append(escape(service))
          .append("</h3>\n<div>").append(badge(s.status(), texts));
      if (s.method() != null) {
        b.append(" <code>").append(escape(s.method())).append("</code>");
      }
      b.append("</div>\n");
      s.functions().forEach((function, state) -> b.append("<div class=\"fn\"><span>").append(escape(function))
          .append(state.method() == null ? "" : " <code>" + escape(state.method()) + "</code>").append("</span>")
          .append(badge(state.status(), texts)).append("</div>\n"));
      b.append("<div class=\"where\">").append(escape(texts.get("history.html.lastMeasured", last.started(),
          last.probeAsn() + " (" + last.probeCc() + ")"))).append("</div>\n");
      b.append("<div class=\"where\">").append(escape(since == h.runs().get(0) ? texts.get("history.html.always")
          : texts.get("history.html.since", since.started()))).append("</div>\n</div>\n");
    }
    b.append("</section>\n");
  }

  private static void statusChart(StringBuilder b, History h, List<Row> rows, Texts texts) {
    int n = h.runs().size();
    double cell = Math.max(4, Math.min(32, (double) PLOT_WIDTH / n));
    int width = LABEL_WIDTH + (int) Math.ceil(cell * n) + 10;
    int top = 8;
    int height = top + rows.size() * ROW_HEIGHT + 64;
    svgOpen(b, width, height, texts.get("history.html.statusChart.title"));
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      int y = top + i * ROW_HEIGHT;
      label(b, row, y);
      for (int j = 0; j < n; j++) {
        State s = row.states.get(j);
        double x = LABEL_WIDTH + j * cell;
        if (s == null) {
          continue;
        }
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">",
            x + 0.5, y + 2, Math.max(1, cell - 1), ROW_HEIGHT - 4, STATUS_COLOURS.getOrDefault(s.status(), "#bdbdbd")))
            .append("<title>").append(escape(h.runs().get(j).started() + ": " + HistoryText.cell(s, texts))).append("</title></rect>\n");
      }
    }
    int axis = top + rows.size() * ROW_HEIGHT + 4;
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#9aa3ad\"/>\n",
        LABEL_WIDTH, axis, LABEL_WIDTH + cell * n, axis));
    int ticks = Math.min(n, Math.max(1, (int) (cell * n / 110)));
    for (int t = 0; t < ticks; t++) {
      int j = ticks == 1 ? 0 : (int) Math.round((double) t * (n - 1) / (ticks - 1));
      double x = LABEL_WIDTH + j * cell + cell / 2;
      String anchor = t == 0 ? "start" : t == ticks - 1 && ticks > 1 ? "end" : "middle";
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s</text>\n",
          t == 0 ? LABEL_WIDTH : x, axis + 16, anchor, escape(h.runs().get(j).day())));
    }
    int lx = LABEL_WIDTH;
    for (String status : HtmlPage.STATUS_ORDER) {
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\">%s</text>\n", lx, axis + 30, STATUS_COLOURS.get(status), lx + 16, axis + 40,
          escape(status.replace('_', ' '))));
      lx += 30 + (int) (status.length() * 6.5);
    }
    b.append("</svg>\n");
  }

  private static void methodTimeline(StringBuilder b, History h, List<Row> rows, Texts texts) {
    List<LocalDateTime> times = new ArrayList<>();
    for (Run r : h.runs()) {
      times.add(parse(r.started()));
    }
    LocalDateTime first = times.get(0);
    LocalDateTime last = times.get(times.size() - 1);
    double span = Math.max(1, Duration.between(first, last).toSeconds());
    int n = times.size();
    // the last run gets a band as wide as the average gap, so its state shows
    double tail = n > 1 ? span / (n - 1) : 1;
    double scale = PLOT_WIDTH / (span + tail);
    int top = 8;
    int height = top + rows.size() * ROW_HEIGHT + 30;
    svgOpen(b, LABEL_WIDTH + PLOT_WIDTH + 10, height, texts.get("history.html.methodTimeline.title"));
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      int y = top + i * ROW_HEIGHT;
      label(b, row, y);
      int j = 0;
      while (j < n) {
        State s = row.states.get(j);
        int k = j + 1;
        while (k < n && sameBand(s, row.states.get(k))) {
          k++;
        }
        if (s != null) {
          double x0 = LABEL_WIDTH + Duration.between(first, times.get(j)).toSeconds() * scale;
          double x1 = LABEL_WIDTH + (k < n ? Duration.between(first, times.get(k)).toSeconds() : span + tail) * scale;
          String text = s.label();
          b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"%s\">",
              x0 + 0.5, y + 2, Math.max(1, x1 - x0 - 1), ROW_HEIGHT - 4, colour(s)))
              .append("<title>").append(escape(text + " from " + h.runs().get(j).started())).append("</title></rect>\n");
          if (x1 - x0 > text.length() * 6.6 + 8) {
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" style=\"fill:%s;font-size:11px\">%s</text>\n",
                x0 + 5, y + 15, textColour(s), escape(text)));
          }
          if (j > 0 && row.states.get(j - 1) != null) {
            b.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d v%d\" stroke=\"#111\" stroke-width=\"2\"/>\n",
                x0, y, ROW_HEIGHT));
          }
        }
        j = k;
      }
    }
    int axis = top + rows.size() * ROW_HEIGHT + 4;
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#9aa3ad\"/>\n",
        LABEL_WIDTH, axis, LABEL_WIDTH + PLOT_WIDTH, axis));
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", LABEL_WIDTH, axis + 16,
        escape(h.runs().get(0).day())));
    if (n > 1) {
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
          LABEL_WIDTH + span * scale, axis + 16, escape(h.runs().get(n - 1).day())));
    }
    b.append("</svg>\n");
  }

  private static boolean sameBand(State a, State b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.label().equals(b.label()) && a.status().equals(b.status());
  }

  /** Reachable and the statuses without a method in their status colour; a method in its layer's colour. */
  private static String colour(State s) {
    if (s.method() == null || "reachable".equals(s.status())) {
      return STATUS_COLOURS.getOrDefault(s.status(), "#bdbdbd");
    }
    Method m = Method.fromWire(s.method());
    String layer = m == null || m.layer() == null ? null : m.layer().name().toLowerCase(Locale.ROOT);
    String colour = layer == null ? null : LAYER_COLOURS.get(layer);
    return colour == null ? "#757575" : colour;
  }

  private static String textColour(State s) {
    return "throttled".equals(s.status()) && s.method() == null || "inconclusive".equals(s.status()) && s.method() == null
        ? "#111" : "#fff";
  }

  private static void label(StringBuilder b, Row row, int y) {
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\"%s>%s</text>\n", row.function ? 18 : 4, y + 15,
        row.function ? " style=\"fill:#5f6670\"" : " style=\"font-weight:600\"", escape(row.label)));
  }

  private static void svgOpen(StringBuilder b, int width, int height, String title) {
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\""
        + " width=\"%d\" height=\"%d\"><title>%s</title>\n", width, height, width, height, escape(title)));
  }

  private static void runsTable(StringBuilder b, History h, Texts texts) {
    Set<String> services = h.services();
    b.append("<h2>").append(escape(texts.get("history.html.runs"))).append("</h2>\n<table>\n<thead><tr>");
    for (String column : List.of("started", "network", "mode", "endpoints")) {
      b.append("<th>").append(escape(texts.get("history.html.column." + column))).append("</th>");
    }
    services.forEach(s -> b.append("<th>").append(escape(s)).append("</th>"));
    b.append("</tr></thead>\n<tbody>\n");
    List<Run> newestFirst = new ArrayList<>(h.runs());
    java.util.Collections.reverse(newestFirst);
    for (Run r : newestFirst) {
      b.append("<tr><td>").append(escape(r.started())).append("</td><td>").append(escape(r.probeAsn() + " " + r.probeCc()))
          .append("</td><td>").append(escape(r.networkMode())).append("</td><td>").append(r.endpoints()).append("</td>");
      for (String s : services) {
        ServiceRun sr = r.services().get(s);
        b.append("<td>").append(sr == null ? "–" : badge(sr.status(), texts)
            + (sr.method() == null ? "" : " <code>" + escape(sr.method()) + "</code>")).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");
  }

  private static LocalDateTime parse(String time) {
    try {
      return LocalDateTime.parse(time, OONI_TIME);
    } catch (DateTimeParseException | NullPointerException e) {
      return LocalDateTime.of(1970, 1, 1, 0, 0);
    }
  }
}
