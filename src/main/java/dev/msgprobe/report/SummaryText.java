package dev.msgprobe.report;

import dev.msgprobe.i18n.Texts;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.NetworkMode;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.ServiceStatus;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The words of a summary as people read them in one language, shared by the table, Markdown and HTML
 * renderers. Status stylers receive a service status (an endpoint status as the service status of the
 * same name; null when unknown) and return its display form. Keys, statuses and methods of the report's
 * vocabulary stay as they are; only the words around them and the status names change with the language.
 */
final class SummaryText {
  static final int TOP_METHODS = 3;

  private final Texts texts;

  SummaryText(Texts texts) {
    this.texts = texts;
  }

  Texts texts() {
    return texts;
  }

  /** {@code partially_blocked} → {@code partially blocked}; null (a status this version does not know) → {@code unknown}. */
  String human(ServiceStatus status) {
    return status == null ? texts.get("status.unknown") : human(status.wire());
  }

  String human(String wire) {
    return texts.status(wire);
  }

  /** Version, network (its name, or why it is unknown), start and duration, the parts that are known. */
  List<String> header(RunSummary s) {
    List<String> parts = new ArrayList<>();
    parts.add(s.softwareVersion() == null ? "msgprobe" : "msgprobe " + s.softwareVersion());
    String network = ((s.probeAsn() == null ? "" : s.probeAsn()) + " " + (s.probeCc() == null ? "" : s.probeCc()))
        .trim();
    if (s.probeNetworkName() != null) {
      network += " (" + s.probeNetworkName() + ")";
    } else if ("AS0".equals(s.probeAsn()) && s.probeLocation() != null) {
      network += " (" + s.probeLocation() + ")";
    }
    if (!network.isEmpty()) {
      parts.add(network);
    }
    if (s.started() != null) {
      parts.add(texts.get("summary.started", s.started()));
    }
    parts.add(texts.get("summary.took", duration(s.runtime())));
    return parts;
  }

  /** {@code 12.3 s}, or {@code 2 min 5 s} from a minute on. */
  String duration(double seconds) {
    if (seconds < 60) {
      return texts.get("summary.seconds", String.format(Locale.ROOT, "%.1f", seconds));
    }
    long whole = Math.round(seconds);
    return texts.get("summary.minutes", whole / 60, whole % 60);
  }

  /** What the network mode means for the results. */
  String network(NetworkMode mode) {
    return texts.get("network." + (mode == null ? "unknown" : mode.wire()));
  }

  /** {@code ya.ru reachable}, one item per control, the URL without scheme and trailing slash. */
  List<String> controls(Map<String, Status> controls, Function<ServiceStatus, String> style) {
    List<String> items = new ArrayList<>();
    orEmpty(controls).forEach((url, status) -> items.add(shortUrl(url) + " " + style.apply(ServiceStatus.of(status))));
    return items;
  }

  /** {@code 35 endpoints} or {@code 35 endpoints: 33 blocked, 2 down} (non-zero counts only). */
  String endpoints(int total, Map<String, Integer> counts) {
    String head = texts.count("summary.endpoints", total);
    String detail = counts(counts);
    return detail.isEmpty() ? head : head + ": " + detail;
  }

  /** Non-zero counts, known statuses first in a fixed order: {@code 33 blocked, 2 down}. */
  String counts(Map<String, Integer> counts) {
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (ServiceStatus status : ServiceStatus.values()) {
      if (orEmpty(counts).containsKey(status.wire())) {
        ordered.put(status.wire(), counts.get(status.wire()));
      }
    }
    orEmpty(counts).forEach(ordered::putIfAbsent);
    return ordered.entrySet().stream()
        .filter(e -> e.getValue() != null && e.getValue() != 0)
        .map(e -> texts.get("summary.count", e.getValue(), human(e.getKey())))
        .collect(Collectors.joining(", "));
  }

  /** The most frequent methods, ties by name: {@code tls.reset 18}, then {@code +2 more} if cut. */
  List<String> topMethods(Map<String, Integer> methods) {
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(orEmpty(methods).entrySet());
    sorted.sort(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue(), Comparator.reverseOrder())
        .thenComparing(Map.Entry::getKey));
    List<String> items = new ArrayList<>();
    for (Map.Entry<String, Integer> e : sorted.subList(0, Math.min(TOP_METHODS, sorted.size()))) {
      items.add(e.getKey() + " " + e.getValue());
    }
    if (sorted.size() > TOP_METHODS) {
      items.add(texts.get("summary.more", sorted.size() - TOP_METHODS));
    }
    return items;
  }

  /** {@code chat blocked}, one item per function in summary order. */
  List<String> functions(Map<String, ServiceStatus> functions, Function<ServiceStatus, String> style) {
    List<String> items = new ArrayList<>();
    orEmpty(functions).forEach((function, status) -> items.add(function + " " + style.apply(status)));
    return items;
  }

  /** {@code endpoints_status=blocked}: OONI's keys without the service's own prefix. */
  static List<String> ooni(String service, Map<String, Object> ooni) {
    String prefix = service + "_";
    List<String> items = new ArrayList<>();
    orEmpty(ooni).forEach((key, value) -> {
      String name = key.startsWith(prefix) && key.length() > prefix.length() ? key.substring(prefix.length()) : key;
      items.add(name + "=" + ooniValue(value));
    });
    return items;
  }

  /**
   * One endpoint that is not reachable (or has no verdict), as listed under the summary; {@code status}
   * is null without a known status, {@code label} is the status in words ({@code no verdict} without one).
   */
  record Row(String service, ServiceStatus status, String label, String method, String input, String evidence) {}

  /** The endpoints that are not reachable, grouped by service in order of first appearance. */
  List<Row> notReachable(List<Measurement> measurements) {
    return notReachableMeasurements(measurements).stream().map(this::row).toList();
  }

  /**
   * The measurements whose verdict is not {@code reachable} (or missing), grouped by their
   * {@code service} annotation in order of first appearance.
   */
  static List<Measurement> notReachableMeasurements(List<Measurement> measurements) {
    Map<String, List<Measurement>> byService = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      Verdict v = m.testKeys() == null ? null : m.testKeys().verdict();
      if (v == null || v.status() != Status.REACHABLE) {
        byService.computeIfAbsent(serviceOf(m), k -> new ArrayList<>()).add(m);
      }
    }
    return byService.values().stream().flatMap(List::stream).toList();
  }

  private Row row(Measurement m) {
    Verdict v = m.testKeys() == null ? null : m.testKeys().verdict();
    String service = serviceOf(m);
    return v == null
        ? new Row(service, null, texts.get("status.none"), "-", m.input(), "")
        : new Row(service, ServiceStatus.of(v.status()), human(ServiceStatus.of(v.status())),
            v.method() == null ? "-" : v.method().wire(), m.input(),
            v.evidence() == null || v.evidence().isEmpty() ? "" : texts.evidence(v.evidence().get(0)));
  }

  private static String serviceOf(Measurement m) {
    return m.annotation("service") == null ? "-" : m.annotation("service");
  }

  /** {@code All 35 endpoints are reachable.} or {@code Not reachable: 3 of 35 endpoints}. */
  String notReachableTitle(int notReachable, int total) {
    if (total == 0) {
      return texts.get("summary.noEndpoints");
    }
    if (notReachable == 0) {
      return total == 1 ? texts.get("summary.allReachable.single") : texts.count("summary.allReachable", total);
    }
    return texts.get("summary.notReachable", notReachable, texts.count("summary.endpoints", total));
  }

  private static String ooniValue(Object value) {
    if (value instanceof Collection<?> c) {
      return c.isEmpty() ? "none" : c.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return String.valueOf(value);
  }

  /** {@code https://ya.ru/} → {@code ya.ru}: the URL without scheme and trailing slash. */
  static String shortUrl(String url) {
    String s = url.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
    return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
