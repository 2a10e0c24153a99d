package dev.msgprobe.report;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.NetworkMode;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.ServiceStatus;
import dev.msgprobe.model.ServiceSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The summary as a plain-text table for a terminal, lines at most {@value #WIDTH} characters.
 * With colour on, statuses are coloured with ANSI codes: blocked red, partially blocked and throttled
 * yellow, reachable green, down and inconclusive dim. The caller decides colour (NO_COLOR, a TTY).
 */
public final class TableRenderer {
  public static final int WIDTH = 100;

  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String DIM = "\u001b[2m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
  private static final String LABEL_INDENT = "  ";
  private static final int LABEL_WIDTH = 11;

  private final boolean color;

  public TableRenderer(boolean color) {
    this.color = color;
  }

  /**
   * One block per service (status, endpoint counts, top methods, functions, OONI keys), preceded by
   * the run's network and controls and followed by the report path. Ends with a newline.
   */
  public String render(RunSummary summary) {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(" | ", SummaryText.header(summary)));
    NetworkMode mode = summary.networkMode();
    String network = SummaryText.network(mode);
    lines.add("Network: " + (mode == null || mode == NetworkMode.NORMAL ? network : paint(YELLOW, network)));
    List<String> controls = SummaryText.controls(summary.controls(), this::status);
    if (!controls.isEmpty()) {
      lines.addAll(wrap("Controls: ", controls, ", "));
    }
    Map<String, ServiceSummary> services = summary.services() == null ? Map.of() : summary.services();
    if (services.isEmpty()) {
      lines.add("");
      lines.add("No services measured.");
    }
    int nameWidth = services.keySet().stream().mapToInt(String::length).max().orElse(0);
    int statusWidth = services.values().stream().mapToInt(s -> headline(s.status()).length()).max().orElse(0);
    services.forEach((name, service) -> {
      lines.add("");
      lines.addAll(serviceBlock(name, service, nameWidth, statusWidth));
    });
    if (summary.reportFile() != null) {
      lines.add("");
      lines.addAll(wrap("Report: ", List.of(summary.reportFile()), ""));
    }
    return String.join("\n", lines) + "\n";
  }

  /** The summary followed by the endpoints that are not reachable: what {@code run} and {@code report} print. */
  public String render(RunSummary summary, List<Measurement> measurements) {
    return render(summary) + renderEndpoints(measurements);
  }

  /**
   * The endpoints that are not reachable, grouped by service: status, method and URI, then the first
   * evidence sentence indented below. Ends with a newline.
   */
  public String renderEndpoints(List<Measurement> measurements) {
    List<SummaryText.Row> rows = SummaryText.notReachable(measurements);
    List<String> lines = new ArrayList<>();
    lines.add(SummaryText.notReachableTitle(rows.size(), measurements.size()));
    int serviceWidth = rows.stream().mapToInt(r -> r.service().length()).max().orElse(0);
    int statusWidth = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0);
    int methodWidth = rows.stream().mapToInt(r -> r.method().length()).max().orElse(0);
    for (SummaryText.Row row : rows) {
      String prefix = LABEL_INDENT + pad(row.service(), serviceWidth) + "  "
          + pad(paint(colorOf(row.status()), row.label()), statusWidth) + "  " + pad(row.method(), methodWidth) + "  ";
      lines.addAll(wrap(prefix, List.of(String.valueOf(row.input())), ""));
      if (!row.evidence().isEmpty()) {
        lines.addAll(wrap(" ".repeat(LABEL_INDENT.length() * 3), List.of(row.evidence().split(" ")), " "));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private List<String> serviceBlock(String name, ServiceSummary s, int nameWidth, int statusWidth) {
    List<String> lines = new ArrayList<>();
    String head = pad(paint(BOLD, name), nameWidth) + "   " + pad(paint(colorOf(s.status()), headline(s.status())),
        statusWidth) + "   ";
    lines.addAll(wrap(head, List.of(SummaryText.endpoints(s.endpoints(), s.counts())), ""));
    addLabelled(lines, "methods", SummaryText.topMethods(s.methods()), ", ");
    addLabelled(lines, "functions", SummaryText.functions(s.functions(), this::status), ", ");
    addLabelled(lines, "OONI", SummaryText.ooni(name, s.ooni()), " ");
    return lines;
  }

  private static void addLabelled(List<String> lines, String label, List<String> items, String separator) {
    if (!items.isEmpty()) {
      lines.addAll(wrap(LABEL_INDENT + pad(label, LABEL_WIDTH), items, separator));
    }
  }

  private String status(ServiceStatus status) {
    return paint(colorOf(status), SummaryText.human(status));
  }

  private static String headline(ServiceStatus status) {
    return SummaryText.human(status).toUpperCase(Locale.ROOT);
  }

  private static String colorOf(ServiceStatus status) {
    if (status == null) {
      return DIM;
    }
    return switch (status) {
      case BLOCKED -> RED;
      case PARTIALLY_BLOCKED, THROTTLED -> YELLOW;
      case REACHABLE -> GREEN;
      case DOWN, INCONCLUSIVE -> DIM;
    };
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }

  /**
   * {@code prefix} then the items joined by {@code separator}, continued on lines indented to the
   * prefix's width so that no line is wider than {@link #WIDTH}. An item goes whole onto a line when it
   * fits on one; a longer one is cut into pieces (losing its colour).
   */
  static List<String> wrap(String prefix, List<String> items, String separator) {
    int indent = visibleLength(prefix);
    String mark = separator.strip();
    int room = Math.max(WIDTH - indent - mark.length(), 20);
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(prefix);
    int used = 0;
    for (String item : items) {
      int length = visibleLength(item);
      if (used > 0 && used + separator.length() + length <= room) {
        line.append(separator).append(item);
        used += separator.length() + length;
        continue;
      }
      if (used > 0) {
        lines.add(line.append(mark).toString().stripTrailing());
        line = new StringBuilder(" ".repeat(indent));
      }
      String piece = item;
      if (length > room) {
        String plain = ANSI.matcher(item).replaceAll("");
        int cut = 0;
        for (; plain.length() - cut > room; cut += room) {
          lines.add((line + plain.substring(cut, cut + room)).stripTrailing());
          line = new StringBuilder(" ".repeat(indent));
        }
        piece = plain.substring(cut);
      }
      line.append(piece);
      used = visibleLength(piece);
    }
    lines.add(line.toString().stripTrailing());
    return lines;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - visibleLength(text)));
  }

  private static int visibleLength(String text) {
    return ANSI.matcher(text).replaceAll("").length();
  }
}
