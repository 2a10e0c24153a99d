package dev.msgprobe.report;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.ServiceStatus;
import dev.msgprobe.model.ServiceSummary;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The summary as one static, self-contained HTML page (for researchers to open or publish): the run's
 * header, network and controls; per service its status, counts, methods, functions and OONI keys and a
 * table of its endpoints; then the endpoints that are not reachable with all their evidence. Every
 * text from the report is escaped (block pages and evidence are written by the censor, not by us); the
 * page has no script and loads nothing (its Content-Security-Policy forbids both), only inline CSS.
 */
public final class HtmlRenderer {
  private static final String STYLE = String.join("\n",
      "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:80em;padding:0 1em;color:#222}",
      "table{border-collapse:collapse;margin:0.5em 0 1.5em}",
      "th,td{border:1px solid #ccc;padding:0.25em 0.6em;text-align:left;vertical-align:top}",
      "th{background:#f3f3f3}",
      "code{font-family:ui-monospace,monospace;overflow-wrap:anywhere}",
      "ul.evidence{margin:0;padding-left:1.2em}",
      ".blocked{color:#b00020;font-weight:bold}",
      ".partially_blocked,.throttled{color:#9a5b00;font-weight:bold}",
      ".reachable{color:#1b7a1b}",
      ".down,.inconclusive,.unknown{color:#666}");

  private HtmlRenderer() {}

  /** The page for {@code summary}; {@code measurements} are the lines it was computed from. */
  public static String render(RunSummary summary, List<Measurement> measurements) {
    List<String> header = SummaryText.header(summary);
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape("msgprobe report: " + String.join(", ", header.subList(1, header.size()))))
        .append("</title>\n<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n")
        .append("<h1>msgprobe report</h1>\n")
        .append("<p>").append(escape(String.join(" · ", header))).append("</p>\n")
        .append("<p>Network: ").append(escape(SummaryText.network(summary.networkMode()))).append("</p>\n");
    Map<String, Status> controls = orEmpty(summary.controls());
    if (!controls.isEmpty()) {
      List<String> items = new ArrayList<>();
      controls.forEach((url, status) -> items.add(escape(SummaryText.shortUrl(url)) + " " + status(ServiceStatus.of(status))));
      b.append("<p>Controls: ").append(String.join(", ", items)).append("</p>\n");
    }
    if (summary.reportFile() != null) {
      b.append("<p>Report: <code>").append(escape(summary.reportFile())).append("</code></p>\n");
    }
    Map<String, ServiceSummary> services = orEmpty(summary.services());
    if (services.isEmpty()) {
      b.append("<p>No services measured.</p>\n");
    }
    services.forEach((name, s) -> service(b, name, s, measurements));
    notReachable(b, measurements);
    return b.append("</body>\n</html>\n").toString();
  }

  private static void service(StringBuilder b, String name, ServiceSummary s, List<Measurement> measurements) {
    b.append("<h2>").append(escape(name)).append(": ").append(status(s.status())).append("</h2>\n")
        .append("<p>").append(escape(SummaryText.endpoints(s.endpoints(), s.counts()))).append("</p>\n");
    List<String> facts = new ArrayList<>();
    String methods = orEmpty(s.methods()).entrySet().stream()
        .map(e -> escape(e.getKey() + " " + e.getValue())).collect(Collectors.joining(", "));
    if (!methods.isEmpty()) {
      facts.add("Methods: " + methods);
    }
    List<String> functions = new ArrayList<>();
    orEmpty(s.functions()).forEach((function, status) -> functions.add(escape(function) + " " + status(status)));
    if (!functions.isEmpty()) {
      facts.add("Functions: " + String.join(", ", functions));
    }
    List<String> ooni = SummaryText.ooni(name, s.ooni());
    if (!ooni.isEmpty()) {
      facts.add("OONI: " + escape(String.join(" ", ooni)));
    }
    for (String fact : facts) {
      b.append("<p>").append(fact).append("</p>\n");
    }
    List<List<String>> rows = new ArrayList<>();
    for (Measurement m : measurements) {
      if (name.equals(serviceKey(m))) {
        Verdict v = verdict(m);
        rows.add(List.of(code(m.input()), escape(orDash(m.annotation("function"))), status(v), method(v),
            escape(v == null || v.confidence() == null ? "-" : v.confidence().wire())));
      }
    }
    table(b, List.of("Endpoint", "Function", "Status", "Method", "Confidence"), rows);
  }

  private static void notReachable(StringBuilder b, List<Measurement> measurements) {
    List<Measurement> listed = SummaryText.notReachableMeasurements(measurements);
    b.append("<h2>").append(escape(SummaryText.notReachableTitle(listed.size(), measurements.size())))
        .append("</h2>\n");
    List<List<String>> rows = new ArrayList<>();
    for (Measurement m : listed) {
      Verdict v = verdict(m);
      List<String> evidence = v == null || v.evidence() == null ? List.of() : v.evidence();
      String items = evidence.stream().map(sentence -> "<li>" + escape(sentence) + "</li>").collect(Collectors.joining());
      rows.add(List.of(escape(orDash(m.annotation("service"))), code(m.input()), status(v), method(v),
          items.isEmpty() ? "" : "<ul class=\"evidence\">" + items + "</ul>"));
    }
    table(b, List.of("Service", "Endpoint", "Status", "Method", "Evidence"), rows);
  }

  /** A table with a header row; {@code rows} hold cells already in HTML. Nothing when there is no row. */
  private static void table(StringBuilder b, List<String> headers, List<List<String>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    b.append("<table>\n<thead><tr>");
    headers.forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
    b.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      b.append("<tr>");
      row.forEach(cell -> b.append("<td>").append(cell).append("</td>"));
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");
  }

  private static String code(String text) {
    return "<code>" + escape(String.valueOf(text)) + "</code>";
  }

  private static String method(Verdict v) {
    return escape(v == null || v.method() == null ? "-" : v.method().wire());
  }

  /** A verdict's status, or {@code no verdict}, coloured. */
  private static String status(Verdict v) {
    if (v == null) {
      return "<span class=\"unknown\">no verdict</span>";
    }
    return status(ServiceStatus.of(v.status()));
  }

  /** A status in words, in a span whose class (the status's wire name, or {@code unknown}) colours it. */
  private static String status(ServiceStatus status) {
    String css = status == null ? "unknown" : status.wire();
    return "<span class=\"" + css + "\">" + escape(SummaryText.human(status)) + "</span>";
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

  /** Text safe in element content and in quoted attribute values. */
  static String escape(String text) {
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

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
