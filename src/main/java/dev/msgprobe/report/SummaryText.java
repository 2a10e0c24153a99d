package dev.msgprobe.report;

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
 * The words of a summary as people read them, shared by the table and Markdown renderers. Status
 * stylers receive a service status (an endpoint status as the service status of the same name; null
 * when unknown) and return its display form.
 */
final class SummaryText {
  static final int TOP_METHODS = 3;

  private SummaryText() {}

  /** {@code partially_blocked} → {@code partially blocked}; null (a status this version does not know) → {@code unknown}. */
  static String human(ServiceStatus status) {
    return status == null ? "unknown" : human(status.wire());
  }

  private static String human(String wire) {
    return wire.replace('_', ' ');
  }

  /** Version, network, start and duration, the parts that are known. */
  static List<String> header(RunSummary s) {
    List<String> parts = new ArrayList<>();
    parts.add(s.softwareVersion() == null ? "msgprobe" : "msgprobe " + s.softwareVersion());
    String network = ((s.probeAsn() == null ? "" : s.probeAsn()) + " " + (s.probeCc() == null ? "" : s.probeCc()))
        .trim();
    if (!network.isEmpty()) {
      parts.add(network);
    }
    if (s.started() != null) {
      parts.add("started " + s.started() + " UTC");
    }
    parts.add("took " + duration(s.runtime()));
    return parts;
  }

  /** {@code 12.3 s}, or {@code 2 min 5 s} from a minute on. */
  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long whole = Math.round(seconds);
    return whole / 60 + " min " + whole % 60 + " s";
  }

  /** What the network mode means for the results. */
  static String network(NetworkMode mode) {
    if (mode == null) {
      return "unknown";
    }
    return switch (mode) {
      case ALLOWLIST -> "allowlist (domestic sites work, every foreign control fails)";
      case OFFLINE -> "offline (every control failed, so nothing is called blocked)";
      case NORMAL -> mode.wire();
    };
  }

  /** {@code ya.ru reachable}, one item per control, the URL without scheme and trailing slash. */
  static List<String> controls(Map<String, Status> controls, Function<ServiceStatus, String> style) {
    List<String> items = new ArrayList<>();
    orEmpty(controls).forEach((url, status) -> items.add(shortUrl(url) + " " + style.apply(ServiceStatus.of(status))));
    return items;
  }

  /** {@code 35 endpoints} or {@code 35 endpoints: 33 blocked, 2 down} (non-zero counts only). */
  static String endpoints(int total, Map<String, Integer> counts) {
    String head = total + (total == 1 ? " endpoint" : " endpoints");
    String detail = counts(counts);
    return detail.isEmpty() ? head : head + ": " + detail;
  }

  /** Non-zero counts, known statuses first in a fixed order: {@code 33 blocked, 2 down}. */
  static String counts(Map<String, Integer> counts) {
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (ServiceStatus status : ServiceStatus.values()) {
      if (orEmpty(counts).containsKey(status.wire())) {
        ordered.put(status.wire(), counts.get(status.wire()));
      }
    }
    orEmpty(counts).forEach(ordered::putIfAbsent);
    return ordered.entrySet().stream()
        .filter(e -> e.getValue() != null && e.getValue() != 0)
        .map(e -> e.getValue() + " " + human(e.getKey()))
        .collect(Collectors.joining(", "));
  }

  /** The most frequent methods, ties by name: {@code tls.reset 18}, then {@code +2 more} if cut. */
  static List<String> topMethods(Map<String, Integer> methods) {
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(orEmpty(methods).entrySet());
    sorted.sort(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue(), Comparator.reverseOrder())
        .thenComparing(Map.Entry::getKey));
    List<String> items = new ArrayList<>();
    for (Map.Entry<String, Integer> e : sorted.subList(0, Math.min(TOP_METHODS, sorted.size()))) {
      items.add(e.getKey() + " " + e.getValue());
    }
    if (sorted.size() > TOP_METHODS) {
      items.add("+" + (sorted.size() - TOP_METHODS) + " more");
    }
    return items;
  }

  /** {@code chat blocked}, one item per function in summary order. */
  static List<String> functions(Map<String, ServiceStatus> functions, Function<ServiceStatus, String> style) {
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
  static List<Row> notReachable(List<Measurement> measurements) {
    return notReachableMeasurements(measurements).stream().map(SummaryText::row).toList();
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

  private static Row row(Measurement m) {
    Verdict v = m.testKeys() == null ? null : m.testKeys().verdict();
    String service = serviceOf(m);
    return v == null
        ? new Row(service, null, "no verdict", "-", m.input(), "")
        : new Row(service, ServiceStatus.of(v.status()), human(ServiceStatus.of(v.status())),
            v.method() == null ? "-" : v.method().wire(), m.input(),
            v.evidence() == null || v.evidence().isEmpty() ? "" : v.evidence().get(0));
  }

  private static String serviceOf(Measurement m) {
    return m.annotation("service") == null ? "-" : m.annotation("service");
  }

  /** {@code All 35 endpoints are reachable.} or {@code Not reachable: 3 of 35 endpoints}. */
  static String notReachableTitle(int notReachable, int total) {
    if (total == 0) {
      return "No endpoints measured.";
    }
    if (notReachable == 0) {
      return total == 1 ? "The endpoint is reachable." : "All " + total + " endpoints are reachable.";
    }
    return "Not reachable: " + notReachable + " of " + total + (total == 1 ? " endpoint" : " endpoints");
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
