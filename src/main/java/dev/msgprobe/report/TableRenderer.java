package dev.msgprobe.report;

import dev.msgprobe.i18n.Texts;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.NetworkMode;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.ServiceStatus;
import dev.msgprobe.model.ServiceSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The summary as a plain-text table for a terminal in the reader's language, lines at most {@value #WIDTH}
 * columns (counted in code points: a Cyrillic letter is one column), so it fits an 80-column terminal.
 * With colour on, statuses are coloured with ANSI codes: blocked red, partially blocked and throttled
 * yellow, reachable green, down and inconclusive dim. The caller decides colour (NO_COLOR, a TTY).
 */
public final class TableRenderer {
  public static final int WIDTH = 80;

  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String DIM = "\u001b[2m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
  private static final String LABEL_INDENT = "  ";
  private static final int LABEL_WIDTH = 11;
  /** The fewest columns a wrapped item gets beside its prefix. */
  private static final int MIN_ROOM = 20;

  private final boolean color;
  private final SummaryText words;
  private final Texts texts;

  /** The table in English. */
  public TableRenderer(boolean color) {
    this(color, Texts.english());
  }

  public TableRenderer(boolean color, Texts texts) {
    this.color = color;
    this.texts = texts;
    this.words = new SummaryText(texts);
  }

  /**
   * One block per service (status, endpoint counts, top methods, functions, OONI keys), preceded by
   * the run's network and controls and followed by the report path. Ends with a newline.
   */
  public String render(RunSummary summary) {
    List<String> lines = new ArrayList<>();
    lines.addAll(wrap("", words.header(summary), " | "));
    NetworkMode mode = summary.networkMode();
    String network = words.network(mode);
    lines.addAll(wrap(texts.get("table.network"),
        List.of(mode == null || mode == NetworkMode.NORMAL ? network : paint(YELLOW, network)), ""));
    List<String> controls = words.controls(summary.controls(), this::status);
    if (!controls.isEmpty()) {
      lines.addAll(wrap(texts.get("table.controls"), controls, ", "));
    }
    Map<String, ServiceSummary> services = summary.services() == null ? Map.of() : summary.services();
    if (services.isEmpty()) {
      lines.add("");
      lines.add(texts.get("summary.noServices"));
    }
    int nameWidth = services.keySet().stream().mapToInt(TableRenderer::visibleLength).max().orElse(0);
    int statusWidth = services.values().stream().mapToInt(s -> visibleLength(headline(s.status()))).max().orElse(0);
    services.forEach((name, service) -> {
      lines.add("");
      lines.addAll(serviceBlock(name, service, nameWidth, statusWidth));
    });
    if (summary.byNetwork() != null && !summary.byNetwork().isEmpty()) {
      lines.add("");
      lines.addAll(byNetwork(summary.byNetwork()));
    }
    if (summary.reportFile() != null) {
      lines.add("");
      lines.addAll(wrap(texts.get("table.report"), List.of(summary.reportFile()), ""));
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
    List<SummaryText.Row> rows = words.notReachable(measurements);
    List<String> lines = new ArrayList<>();
    lines.add(words.notReachableTitle(rows.size(), measurements.size()));
    int serviceWidth = rows.stream().mapToInt(r -> visibleLength(r.service())).max().orElse(0);
    int statusWidth = rows.stream().mapToInt(r -> visibleLength(r.label())).max().orElse(0);
    int methodWidth = rows.stream().mapToInt(r -> visibleLength(r.method())).max().orElse(0);
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

  /**
   * One table across networks: per service, a line per probe network with its status and top methods,
   * e.g. {@code whatsapp  AS12389  blocked  tls.reset 18} then {@code AS8359  blocked  tcp.timeout 15}.
   */
  private List<String> byNetwork(Map<String, Map<String, ServiceSummary>> byNetwork) {
    List<String> lines = new ArrayList<>();
    lines.add(texts.get("table.byNetwork"));
    Map<String, Map<String, ServiceSummary>> byService = new java.util.LinkedHashMap<>();
    byNetwork.forEach((asn, services) -> services.forEach((service, s) ->
        byService.computeIfAbsent(service, k -> new java.util.LinkedHashMap<>()).put(asn, s)));
    int serviceWidth = byService.keySet().stream().mapToInt(String::length).max().orElse(0);
    int asnWidth = byNetwork.keySet().stream().mapToInt(String::length).max().orElse(0);
    int statusWidth = byService.values().stream().flatMap(m -> m.values().stream())
        .mapToInt(s -> visibleLength(words.human(s.status()))).max().orElse(0);
    byService.forEach((service, perNetwork) -> {
      boolean first = true;
      for (Map.Entry<String, ServiceSummary> e : perNetwork.entrySet()) {
        String prefix = LABEL_INDENT + pad(first ? service : "", serviceWidth) + "  " + pad(e.getKey(), asnWidth)
            + "  " + pad(status(e.getValue().status()), statusWidth) + "  ";
        List<String> methods = words.topMethods(e.getValue().methods());
        lines.addAll(wrap(prefix, methods.isEmpty() ? List.of("") : methods, ", "));
        first = false;
      }
    });
    return lines;
  }

  private List<String> serviceBlock(String name, ServiceSummary s, int nameWidth, int statusWidth) {
    List<String> lines = new ArrayList<>();
    String head = pad(paint(BOLD, name), nameWidth) + "   " + pad(paint(colorOf(s.status()), headline(s.status())),
        statusWidth) + "   ";
    lines.addAll(wrap(head, List.of(words.endpoints(s.endpoints(), s.counts()).split(", ")), ", "));
    addLabelled(lines, texts.get("table.methods"), words.topMethods(s.methods()), ", ");
    addLabelled(lines, texts.get("table.functions"), words.functions(s.functions(), this::status), ", ");
    addLabelled(lines, "OONI", SummaryText.ooni(name, s.ooni()), " ");
    return lines;
  }

  private static void addLabelled(List<String> lines, String label, List<String> items, String separator) {
    if (!items.isEmpty()) {
      lines.addAll(wrap(LABEL_INDENT + pad(label, LABEL_WIDTH), items, separator));
    }
  }

  private String status(ServiceStatus status) {
    return paint(colorOf(status), words.human(status));
  }

  private String headline(ServiceStatus status) {
    return words.human(status).toUpperCase(texts.lang().locale());
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
   * fits on one; a longer one is cut into pieces at spaces where it has them (losing its colour).
   */
  static List<String> wrap(String prefix, List<String> items, String separator) {
    int indent = visibleLength(prefix);
    String mark = separator.stripTrailing();
    List<String> lines = new ArrayList<>();
    if (WIDTH - indent - mark.length() < MIN_ROOM) {
      // a prefix this wide leaves no room: it gets a line of its own, the items go below it
      lines.add(prefix.stripTrailing());
      prefix = " ".repeat(LABEL_INDENT.length() * 3);
      indent = prefix.length();
    }
    int room = WIDTH - indent - mark.length();
    StringBuilder line = new StringBuilder(prefix);
    int used = 0;
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i);
      int length = visibleLength(item);
      // the last item is followed by no separator mark, so it may use the mark's columns too
      int limit = i == items.size() - 1 ? room + mark.length() : room;
      if (used > 0 && used + separator.length() + length <= limit) {
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
        while (plain.length() - cut > room) {
          int space = plain.lastIndexOf(' ', cut + room);
          int end = space > cut ? space : cut + room;
          lines.add((line + plain.substring(cut, end)).stripTrailing());
          line = new StringBuilder(" ".repeat(indent));
          cut = space > cut ? space + 1 : end;
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
    String plain = ANSI.matcher(text).replaceAll("");
    return plain.codePointCount(0, plain.length());
  }
}
