package dev.msgprobe.report;

import static dev.msgprobe.report.HtmlPage.badge;
import static dev.msgprobe.report.HtmlPage.escape;

import dev.msgprobe.i18n.Texts;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.ServiceStatus;
import dev.msgprobe.model.ServiceSummary;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The summary as one static, self-contained HTML page, the page a person reads first: at the top a card
 * per service (its status, its functions beneath, where and when it was measured); then per service its
 * endpoints, worst status first and by name within a status, each with its evidence (folded when long);
 * then a legend of the methods on the page in plain words. No script, nothing loaded (see {@link HtmlPage}).
 */
public final class HtmlRenderer {
  /** Evidence longer than this many sentences is folded after the first one. */
  private static final int UNFOLDED_EVIDENCE = 2;

  private HtmlRenderer() {}

  /** The page for {@code summary} in English; {@code measurements} are the lines it was computed from. */
  public static String render(RunSummary summary, List<Measurement> measurements) {
    return render(summary, measurements, Texts.english());
  }

  /** The page for {@code summary} in the reader's language; {@code measurements} are the lines it was computed from. */
  public static String render(RunSummary summary, List<Measurement> measurements, Texts texts) {
    SummaryText words = new SummaryText(texts);
    List<String> header = words.header(summary);
    StringBuilder b = new StringBuilder(HtmlPage.head(texts.get("html.title", String.join(", ", header.subList(1, header.size()))), texts));
    b.append("<h1>").append(escape(texts.get("html.heading"))).append("</h1>\n")
        .append("<p class=\"meta\">").append(escape(String.join(" · ", header))).append("</p>\n")
        .append("<p class=\"meta\">").append(escape(texts.get("table.network") + words.network(summary.networkMode())));
    Map<String, Status> controls = orEmpty(summary.controls());
    if (!controls.isEmpty()) {
      List<String> items = new ArrayList<>();
      controls.forEach((url, status) -> items.add(escape(SummaryText.shortUrl(url)) + " " + badge(ServiceStatus.of(status), texts)));
      b.append(" · ").append(escape(texts.get("table.controls"))).append(String.join(", ", items));
    }
    b.append("</p>\n");
    Map<String, ServiceSummary> services = orEmpty(summary.services());
    if (services.isEmpty()) {
      b.append("<p>").append(escape(texts.get("summary.noServices"))).append("</p>\n");
    } else {
      cards(b, summary, services, words);
    }
    Set<String> methods = new TreeSet<>();
    services.forEach((name, s) -> service(b, name, s, measurements, methods, words));
    b.append(HtmlPage.legend(methods, texts));
    if (summary.reportFile() != null) {
      b.append("<p class=\"meta\">").append(escape(texts.get("table.report"))).append("<code>")
          .append(escape(summary.reportFile())).append("</code></p>\n");
    }
    return b.append(HtmlPage.tail()).toString();
  }

  /** One card per service, worst status first. */
  private static void cards(StringBuilder b, RunSummary summary, Map<String, ServiceSummary> services, SummaryText words) {
    Texts texts = words.texts();
    String from = Objects.toString(summary.probeAsn(), "AS0") + " (" + Objects.toString(summary.probeCc(), "ZZ") + ")";
    String where = summary.started() == null ? texts.get("html.measuredFrom", from)
        : texts.get("html.measuredFromOn", from, summary.started());
    b.append("<section class=\"cards\">\n");
    services.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, ServiceSummary> e) -> HtmlPage.rank(e.getValue().status()))
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> {
          ServiceSummary s = e.getValue();
          b.append("<div class=\"card ").append(HtmlPage.cssStatus(s.status())).append("\">\n<h3>")
              .append(escape(e.getKey())).append("</h3>\n<div>").append(badge(s.status(), texts)).append("</div>\n<div class=\"count\">")
              .append(escape(words.endpoints(s.endpoints(), s.counts()))).append("</div>\n");
          orEmpty(s.functions()).forEach((function, status) -> b.append("<div class=\"fn\"><span>")
              .append(escape(function)).append("</span>").append(badge(status, texts)).append("</div>\n"));
          String methods = String.join(", ", orEmpty(s.methods()).keySet());
          if (!methods.isEmpty()) {
            b.append("<div class=\"where\">").append(escape(texts.get("html.how", methods))).append("</div>\n");
          }
          b.append("<div class=\"where\">").append(escape(where)).append("</div>\n</div>\n");
        });
    b.append("</section>\n");
  }

  private static void service(StringBuilder b, String name, ServiceSummary s, List<Measurement> measurements,
      Set<String> methods, SummaryText words) {
    Texts texts = words.texts();
    b.append("<h2>").append(escape(name)).append(" ").append(badge(s.status(), texts)).append("</h2>\n")
        .append("<p>").append(escape(words.endpoints(s.endpoints(), s.counts())));
    List<String> ooni = SummaryText.ooni(name, s.ooni());
    if (!ooni.isEmpty()) {
      b.append(" · OONI: ").append(escape(String.join(" ", ooni)));
    }
    b.append("</p>\n");
    List<Measurement> endpoints = measurements.stream().filter(m -> name.equals(serviceKey(m)))
        .sorted(Comparator.comparingInt((Measurement m) -> HtmlPage.rank(status(verdict(m))))
            .thenComparing(m -> Objects.toString(m.input(), "")))
        .toList();
    if (endpoints.isEmpty()) {
      return;
    }
    b.append("<table>\n<thead><tr>");
    for (String column : List.of("endpoint", "function", "status", "method", "confidence", "evidence")) {
      b.append("<th>").append(escape(texts.get("column." + column))).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (Measurement m : endpoints) {
      Verdict v = verdict(m);
      String method = v == null || v.method() == null ? null : v.method().wire();
      if (method != null) {
        methods.add(method);
      }
      b.append("<tr><td><code>").append(escape(m.input())).append("</code></td><td>")
          .append(escape(orDash(m.annotation("function")))).append("</td><td>").append(badge(status(v), texts))
          .append("</td><td><code>").append(escape(method == null ? "-" : method)).append("</code></td><td>")
          .append(escape(v == null || v.confidence() == null ? "-" : v.confidence().wire())).append("</td><td>")
          .append(evidence(v, texts)).append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n");
  }

  /** The verdict's evidence sentences; after the first, folded when there are more than {@link #UNFOLDED_EVIDENCE}. */
  private static String evidence(Verdict v, Texts texts) {
    List<String> sentences = v == null || v.evidence() == null ? List.of()
        : v.evidence().stream().map(texts::evidence).toList();
    if (sentences.isEmpty()) {
      return "";
    }
    String items = sentences.stream().map(s -> "<li>" + escape(s) + "</li>").collect(Collectors.joining());
    if (sentences.size() <= UNFOLDED_EVIDENCE) {
      return "<ul class=\"evidence\">" + items + "</ul>";
    }
    return escape(sentences.get(0)) + "<details><summary>" + escape(texts.get("html.allObservations", sentences.size()))
        + "</summary>"
        + "<ul class=\"evidence\">" + items + "</ul></details>";
  }

  private static String status(Verdict v) {
    return v == null || v.status() == null ? null : v.status().wire();
  }

  /** The service a line is summarised under, by analysis' rule: {@code service}, else {@code list}, else unknown. */
  private static String serviceKey(Measurement m) {
    for (String key : List.of("service", "list")) {
      String value = m.annotation(key);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "unknown";
  }

  private static Verdict verdict(Measurement m) {
    return m.testKeys() == null ? null : m.testKeys().verdict();
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
