package dev.msgprobe.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.msgprobe.analysis.NetworkContexts;
import dev.msgprobe.analysis.Summaries;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.ServiceSummary;
import dev.msgprobe.report.LatestMeasurements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The runs in a store, oldest first, and the changes between consecutive runs of each service and
 * function. A run is the measurements sharing a report id (a {@code --resume} continues its run);
 * within it each endpoint counts once, its latest measurement winning, and statuses follow the
 * summary's rules, so a run's row says what its summary said.
 */
@JsonPropertyOrder({"store", "runs", "changes"})
public record History(@JsonProperty("store") String store, @JsonProperty("runs") List<Run> runs,
    @JsonProperty("changes") List<Change> changes) {
  public History {
    runs = List.copyOf(runs);
    changes = List.copyOf(changes);
  }

  /** The history of {@code measurements} (any order), described as coming from {@code store}. */
  public static History of(String store, List<Measurement> measurements) {
    Map<String, List<Measurement>> byRun = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      byRun.computeIfAbsent(runOf(m), k -> new ArrayList<>()).add(m);
    }
    List<Run> runs = new ArrayList<>();
    byRun.forEach((id, ms) -> runs.add(run(id, ms)));
    runs.sort(Comparator.comparing(Run::started, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Run::reportId));
    return new History(store, runs, changes(runs));
  }

  /** The report id of the run {@code m} belongs to ({@link Run#reportId()}; empty when it has none). */
  public static String runOf(Measurement m) {
    return Objects.toString(m.reportId(), "");
  }

  /** The run with this report id. */
  public java.util.Optional<Run> run(String reportId) {
    return runs.stream().filter(r -> r.reportId().equals(reportId)).findFirst();
  }

  /** Every service in the order first measured. */
  public Set<String> services() {
    Set<String> out = new LinkedHashSet<>();
    runs.forEach(r -> out.addAll(r.services().keySet()));
    return out;
  }

  /** Every function of {@code service} in the order first measured. */
  public Set<String> functions(String service) {
    Set<String> out = new LinkedHashSet<>();
    for (Run r : runs) {
      ServiceRun s = r.services().get(service);
      if (s != null) {
        out.addAll(s.functions().keySet());
      }
    }
    return out;
  }

  private static Run run(String reportId, List<Measurement> measurements) {
    List<Measurement> sorted = new ArrayList<>(measurements);
    sorted.sort(Comparator.comparing(m -> Objects.toString(m.measurementStartTime(), "")));
    List<Measurement> latest = LatestMeasurements.of(sorted);
    Map<String, ServiceSummary> summaries = Summaries.services(latest);
    Map<String, ServiceRun> services = new LinkedHashMap<>();
    summaries.forEach((service, summary) -> {
      List<Measurement> ofService = latest.stream().filter(m -> service.equals(Summaries.service(m))).toList();
      Map<String, State> functions = new LinkedHashMap<>();
      summary.functions().forEach((function, status) -> functions.put(function, new State(wire(status),
          Summaries.mainMethod(ofService.stream().filter(m -> function.equals(m.annotation("function"))).toList()))));
      services.put(service, new ServiceRun(wire(summary.status()), Summaries.mainMethod(ofService), functions));
    });
    Measurement first = sorted.get(0);
    int endpoints = (int) latest.stream().filter(m -> !Summaries.CONTROL_SERVICE.equals(Summaries.service(m))).count();
    return new Run(reportId, first.measurementStartTime(), first.probeAsn(), first.probeCc(),
        wire(NetworkContexts.fromMeasurements(latest).networkMode()), endpoints, services);
  }

  private static List<Change> changes(List<Run> runs) {
    List<Change> out = new ArrayList<>();
    Map<String, State> last = new LinkedHashMap<>();
    for (Run run : runs) {
      run.services().forEach((service, s) -> {
        compare(out, last, run, service, null, s.state());
        s.functions().forEach((function, state) -> compare(out, last, run, service, function, state));
      });
    }
    return out;
  }

  private static void compare(List<Change> out, Map<String, State> last, Run run, String service, String function,
      State now) {
    String key = service + "\u0000" + Objects.toString(function, "");
    State before = last.put(key, now);
    if (before != null && !before.equals(now)) {
      out.add(new Change(run.started(), run.reportId(), service, function, before, now));
    }
  }

  private static String wire(dev.msgprobe.model.ServiceStatus status) {
    return status == null ? null : status.wire();
  }

  private static String wire(dev.msgprobe.model.NetworkMode mode) {
    return mode == null ? null : mode.wire();
  }
}
