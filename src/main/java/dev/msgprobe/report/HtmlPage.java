package dev.msgprobe.report;

import dev.msgprobe.i18n.Texts;
import dev.msgprobe.model.ServiceStatus;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What the HTML pages share: the document head (inline CSS; a Content-Security-Policy that forbids
 * scripts and every load, so a page is self-contained and safe to open), escaping, status badges and
 * the legend of methods. Every text from a report is escaped: block pages and evidence are written by
 * the censor, not by us.
 */
public final class HtmlPage {
  /** Statuses from worst to best, the order endpoints and cards are shown in. */
  public static final List<String> STATUS_ORDER =
      List.of("blocked", "partially_blocked", "throttled", "inconclusive", "down", "reachable");
  private static final Set<String> STATUSES = Set.copyOf(STATUS_ORDER);

  private static final String STYLE = String.join("\n",
      ":root{--reachable:#2e7d32;--blocked:#c62828;--partially_blocked:#e65100;--throttled:#f9a825;",
      "--down:#616161;--inconclusive:#9e9e9e;--unknown:#bdbdbd;--line:#d9dde3;--muted:#5f6670}",
      "*{box-sizing:border-box}",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:72em;",
      "padding:1.5em 1.2em 3em;color:#1d2330;line-height:1.45;background:#fff}",
      "h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.25em;margin:1.8em 0 .5em;border-bottom:1px solid var(--line);",
      "padding-bottom:.2em}h3{font-size:1.05em;margin:1.2em 0 .4em}",
      ".meta{color:var(--muted);margin:.2em 0}",
      ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15em,1fr));gap:.8em;margin:1em 0}",
      ".card{border:1px solid var(--line);border-left:6px solid var(--unknown);border-radius:8px;padding:.7em .9em;",
      "break-inside:avoid}",
      ".card h3{margin:0 0 .3em}",
      ".card .fn{display:flex;justify-content:space-between;align-items:baseline;gap:.5em;font-size:.92em;padding:.1em 0}",
      ".card .fn .badge{flex-shrink:0}",
      ".card .where{color:var(--muted);font-size:.85em;margin-top:.4em}",
      ".card.reachable{border-left-color:var(--reachable)}.card.blocked{border-left-color:var(--blocked)}",
      ".card.partially_blocked{border-left-color:var(--partially_blocked)}",
      ".card.throttled{border-left-color:var(--throttled)}.card.down{border-left-color:var(--down)}",
      ".card.inconclusive{border-left-color:var(--inconclusive)}",
      ".badge{display:inline-block;border-radius:1em;padding:0 .6em;font-size:.85em;font-weight:600;color:#fff;",
      "background:var(--unknown);white-space:nowrap}",
      ".badge.reachable{background:var(--reachable)}.badge.blocked{background:var(--blocked)}",
      ".badge.partially_blocked{background:var(--partially_blocked)}.badge.throttled{background:var(--throttled);color:#222}",
      ".badge.down{background:var(--down)}.badge.inconclusive{background:var(--inconclusive);color:#222}",
      "table{border-collapse:collapse;width:100%;margin:.5em 0 1.2em;font-size:.93em}",
      "th,td{border-bottom:1px solid var(--line);padding:.35em .5em;text-align:left;vertical-align:top}",
      "th{background:#f4f6f8;font-weight:600}td:first-child{min-width:17em}",
      ".count{font-size:.9em;margin:.25em 0 .35em}",
      "code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em;overflow-wrap:anywhere}",
      "ul.evidence{margin:0;padding-left:1.1em}details summary{cursor:pointer;color:var(--muted)}",
      "dl.legend{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;font-size:.93em}",
      "dl.legend dt{font-family:ui-monospace,monospace}dl.legend dd{margin:0}",
      "svg{max-width:100%;height:auto;display:block;margin:.5em 0 1em}",
      "svg text{font-family:system-ui,sans-serif;font-size:12px;fill:#1d2330}",
      "ul.changes{padding-left:1.2em}",
      "@media print{body{max-width:none;padding:0}h2{break-after:avoid}.card,table,svg{break-inside:avoid}",
      "details{display:block}details>*{display:block}a{color:inherit}}");

  private HtmlPage() {}

  /** The document up to and including {@code <body>}, in English. */
  public static String head(String title) {
    return head(title, Texts.english());
  }

  /** The document up to and including {@code <body>}, its {@code lang} the reader's. */
  public static String head(String title, Texts texts) {
    return "<!DOCTYPE html>\n<html lang=\"" + texts.lang().code() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "\n</style>\n</head>\n<body>\n";
  }

  public static String tail() {
    return "</body>\n</html>\n";
  }

  /** As {@link #badge(String, Texts)}, for a service or function status. */
  public static String badge(ServiceStatus status, Texts texts) {
    return badge(status == null ? null : status.wire(), texts);
  }

  /** As {@link #cssStatus(String)}, for a service or function status. */
  public static String cssStatus(ServiceStatus status) {
    return cssStatus(status == null ? null : status.wire());
  }

  /** As {@link #rank(String)}, for a service or function status. */
  public static int rank(ServiceStatus status) {
    return rank(status == null ? null : status.wire());
  }

  /** A status as a coloured badge, in words ({@code partially blocked}); null is {@code no verdict}. */
  public static String badge(String status, Texts texts) {
    String css = cssStatus(status);
    return "<span class=\"badge " + css + "\">" + escape(status == null ? texts.get("status.none") : texts.status(status))
        + "</span>";
  }

  /** The CSS class of a status: the status itself when known, else {@code unknown}. */
  public static String cssStatus(String status) {
    return status != null && STATUSES.contains(status) ? status : "unknown";
  }

  /** Position of {@code status} in {@link #STATUS_ORDER} (unknown statuses after the known ones). */
  public static int rank(String status) {
    int i = STATUS_ORDER.indexOf(status);
    return i < 0 ? STATUS_ORDER.size() : i;
  }

  /** A legend of {@code methods} (wire names) in plain words; nothing when there is none. */
  public static String legend(Collection<String> methods, Texts texts) {
    StringBuilder b = new StringBuilder();
    for (String m : methods) {
      String words = MethodWords.of(m, texts);
      if (words != null) {
        b.append("<dt>").append(escape(m)).append("</dt><dd>").append(escape(words)).append("</dd>\n");
      }
    }
    return b.isEmpty() ? "" : "<h2>" + escape(texts.get("html.legend")) + "</h2>\n<dl class=\"legend\">\n" + b + "</dl>\n";
  }

  /** Text safe in element content and in quoted attribute values. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
