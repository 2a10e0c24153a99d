package dev.msgprobe.analysis;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.ServiceSummary;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-service part of the run summary (docs/contract/summary.md), from report lines: a stored report can be
 * re-aggregated. Reads the annotations {@code service} and {@code function}, the {@code input}, and
 * {@code test_keys} (its verdict, and the raw observations for OONI's keys). Measurements of the
 * {@code control} service are the run's controls and never appear as a service.
 */
public final class Summaries {
  public static final String CONTROL_SERVICE = "control";

  public static final String REACHABLE = "reachable";
  public static final String BLOCKED = "blocked";
  public static final String PARTIALLY_BLOCKED = "partially_blocked";
  public static final String THROTTLED = "throttled";
  public static final String DOWN = "down";
  public static final String INCONCLUSIVE = "inconclusive";

  private Summaries() {}

  /** Services in the order they were first measured. */
  public static Map<String, ServiceSummary> services(List<Measurement> measurements) {
    Map<String, List<Measurement>> byService = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      String service = service(m);
      if (!service.equals(CONTROL_SERVICE)) {
        byService.computeIfAbsent(service, k -> new ArrayList<>()).add(m);
      }
    }
    Map<String, ServiceSummary> out = new LinkedHashMap<>();
    byService.forEach((service, ms) -> out.put(service, summarise(service, ms)));
    return out;
  }

  /** Each control's input with its endpoint status, in measurement order. */
  public static Map<String, String> controls(List<Measurement> measurements) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      if (service(m).equals(CONTROL_SERVICE)) {
        out.put(m.input(), status(m).wire());
      }
    }
    return out;
  }

  /**
   * The status of a group of endpoints: down when all are down; otherwise, ignoring the down ones,
   * blocked when all are blocked, partially_blocked when some are, throttled when some are throttled,
   * reachable when all are reachable, else inconclusive (also for an empty group).
   */
  public static String status(Collection<Status> statuses) {
    long total = statuses.size();
    long down = count(statuses, Status.DOWN);
    long blocked = count(statuses, Status.BLOCKED);
    long up = total - down;
    if (total == 0) {
      return INCONCLUSIVE;
    }
    if (up == 0) {
      return DOWN;
    }
    if (blocked == up) {
      return BLOCKED;
    }
    if (blocked > 0) {
      return PARTIALLY_BLOCKED;
    }
    if (count(statuses, Status.THROTTLED) > 0) {
      return THROTTLED;
    }
    return count(statuses, Status.REACHABLE) == up ? REACHABLE : INCONCLUSIVE;
  }

  private static ServiceSummary summarise(String service, List<Measurement> ms) {
    List<Status> statuses = ms.stream().map(Summaries::status).toList();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Status s : List.of(Status.REACHABLE, Status.BLOCKED, Status.THROTTLED, Status.DOWN, Status.INCONCLUSIVE)) {
      counts.put(s.wire(), (int) count(statuses, s));
    }
    return new ServiceSummary(status(statuses), ms.size(), counts, methods(ms), functions(ms),
        OoniKeys.of(service, ms));
  }

  /** Methods of the blocked and throttled endpoints (how the service is interfered with), most frequent first. */
  private static Map<String, Integer> methods(List<Measurement> ms) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Measurement m : ms) {
      Verdict v = m.testKeys() == null ? null : m.testKeys().verdict();
      if (v != null && v.method() != null && (v.status() == Status.BLOCKED || v.status() == Status.THROTTLED)) {
        counts.merge(v.method().wire(), 1, Integer::sum);
      }
    }
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** Each function's status by the same rule, in order of first appearance; endpoints without one are left out. */
  private static Map<String, String> functions(List<Measurement> ms) {
    Map<String, List<Status>> byFunction = new LinkedHashMap<>();
    for (Measurement m : ms) {
      String f = m.annotation("function");
      if (f != null && !f.isBlank()) {
        byFunction.computeIfAbsent(f, k -> new ArrayList<>()).add(status(m));
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    byFunction.forEach((f, s) -> out.put(f, status(s)));
    return out;
  }

  private static Status status(Measurement m) {
    Verdict v = m.testKeys() == null ? null : m.testKeys().verdict();
    return v == null || v.status() == null ? Status.INCONCLUSIVE : v.status();
  }

  private static String service(Measurement m) {
    String s = m.annotation("service");
    if (s == null || s.isBlank()) {
      s = m.annotation("list");
    }
    return s == null || s.isBlank() ? "unknown" : s;
  }

  private static long count(Collection<Status> statuses, Status s) {
    return statuses.stream().filter(x -> x == s).count();
  }
}
