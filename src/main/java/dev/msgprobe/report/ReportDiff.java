package dev.msgprobe.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.NetworkMode;
import dev.msgprobe.model.ServiceStatus;
import dev.msgprobe.model.ServiceSummary;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two runs ({@code msgprobe compare}, JSON with {@code --json}). Services are
 * compared by their summary status; endpoints (controls excluded) are matched by {@link ResumeKey} and
 * compared by verdict status and method. Only endpoints whose verdict changed or that were measured in
 * one run only are listed; {@code unchanged_endpoints} counts the others.
 *
 * <p>{@link #statusChanged()} — what {@code --fail-on-change} tests — is true when a service present
 * in both runs has another status, or an endpoint measured in both runs has another verdict status.
 * A service or endpoint measured in one run only (a list change, not a network change), a method
 * change with the same status, and a change of network mode alone do not count.
 */
@JsonPropertyOrder({"old", "new", "status_changed", "network_mode", "services", "endpoints", "unchanged_endpoints"})
public record ReportDiff(
    @JsonProperty("old") Side oldRun,
    @JsonProperty("new") Side newRun,
    @JsonProperty("network_mode") Change networkMode,
    @JsonProperty("services") Map<String, Change> services,
    @JsonProperty("endpoints") List<EndpointChange> endpoints,
    @JsonProperty("unchanged_endpoints") int unchangedEndpoints) {

  /** {@code change} of an endpoint whose verdict status changed (its method may have too). */
  public static final String STATUS = "status";
  /** {@code change} of an endpoint with the same status and another method. */
  public static final String METHOD = "method";
  /** {@code change} of an endpoint measured only in the new run. */
  public static final String ADDED = "added";
  /** {@code change} of an endpoint measured only in the old run. */
  public static final String REMOVED = "removed";

  public ReportDiff {
    services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    endpoints = List.copyOf(endpoints);
  }

  /** Which run a side is: its report file(s) and when it started. */
  @JsonPropertyOrder({"report_file", "started"})
  public record Side(@JsonProperty("report_file") String reportFile, @JsonProperty("started") String started) {}

  /** A value in the old and the new run; null on the side where it was not measured. */
  @JsonPropertyOrder({"old", "new", "changed"})
  public record Change(@JsonProperty("old") String oldValue, @JsonProperty("new") String newValue) {
    /** Measured in both runs, with different values. */
    @JsonProperty("changed")
    public boolean changed() {
      return oldValue != null && newValue != null && !oldValue.equals(newValue);
    }
  }

  /** An endpoint's verdict in brief; {@code status} is null for a line without a verdict. */
  @JsonPropertyOrder({"status", "method"})
  public record Brief(@JsonProperty("status") String status, @JsonProperty("method") String method) {
    static Brief of(Measurement m) {
      Verdict v = m.testKeys() == null ? null : m.testKeys().verdict();
      Status status = v == null ? null : v.status();
      Method method = v == null ? null : v.method();
      return new Brief(status == null ? null : status.wire(), method == null ? null : method.wire());
    }
  }

  /** One endpoint listed by the comparison; {@code old} or {@code new} is null when added or removed. */
  @JsonPropertyOrder({"key", "input", "service", "change", "old", "new"})
  public record EndpointChange(
      @JsonProperty("key") String key,
      @JsonProperty("input") String input,
      @JsonProperty("service") String service,
      @JsonProperty("change") String change,
      @JsonProperty("old") Brief oldVerdict,
      @JsonProperty("new") Brief newVerdict) {}

  /** True when a service or endpoint measured in both runs changed status (see the class comment). */
  @JsonProperty("status_changed")
  public boolean statusChanged() {
    return services.values().stream().anyMatch(Change::changed)
        || endpoints.stream().anyMatch(e -> STATUS.equals(e.change()));
  }

  /** Compares two runs; endpoints are listed in the new run's order, then those of the old run only. */
  public static ReportDiff between(SummarisedRun oldRun, SummarisedRun newRun) {
    Map<String, Measurement> before = byKey(oldRun.measurements());
    Map<String, Measurement> after = byKey(newRun.measurements());
    List<EndpointChange> changes = new ArrayList<>();
    int unchanged = 0;
    for (Map.Entry<String, Measurement> e : after.entrySet()) {
      Measurement now = e.getValue();
      Measurement then = before.get(e.getKey());
      Brief nowBrief = Brief.of(now);
      if (then == null) {
        changes.add(new EndpointChange(e.getKey(), now.input(), service(now), ADDED, null, nowBrief));
        continue;
      }
      Brief thenBrief = Brief.of(then);
      if (!Objects.equals(thenBrief.status(), nowBrief.status())) {
        changes.add(new EndpointChange(e.getKey(), now.input(), service(now), STATUS, thenBrief, nowBrief));
      } else if (!Objects.equals(thenBrief.method(), nowBrief.method())) {
        changes.add(new EndpointChange(e.getKey(), now.input(), service(now), METHOD, thenBrief, nowBrief));
      } else {
        unchanged++;
      }
    }
    before.forEach((key, then) -> {
      if (!after.containsKey(key)) {
        changes.add(new EndpointChange(key, then.input(), service(then), REMOVED, Brief.of(then), null));
      }
    });
    return new ReportDiff(side(oldRun), side(newRun),
        new Change(wire(oldRun.summary().networkMode()), wire(newRun.summary().networkMode())),
        services(oldRun.summary().services(), newRun.summary().services()), changes, unchanged);
  }

  private static Side side(SummarisedRun run) {
    return new Side(run.summary().reportFile(), run.summary().started());
  }

  /** Services of the old run in its order, then those only in the new run. */
  private static Map<String, Change> services(Map<String, ServiceSummary> before, Map<String, ServiceSummary> after) {
    Map<String, ServiceSummary> old = before == null ? Map.of() : before;
    Map<String, ServiceSummary> now = after == null ? Map.of() : after;
    Map<String, Change> out = new LinkedHashMap<>();
    old.forEach((name, s) -> out.put(name,
        new Change(wire(s.status()), now.containsKey(name) ? wire(now.get(name).status()) : null)));
    now.forEach((name, s) -> out.putIfAbsent(name, new Change(null, wire(s.status()))));
    return out;
  }

  private static String wire(ServiceStatus status) {
    return status == null ? null : status.wire();
  }

  private static String wire(NetworkMode mode) {
    return mode == null ? null : mode.wire();
  }

  /** The endpoints (not the controls) by resume key, the latest measurement of each. */
  private static Map<String, Measurement> byKey(List<Measurement> measurements) {
    Map<String, Measurement> out = new LinkedHashMap<>();
    for (Measurement m : LatestMeasurements.of(measurements)) {
      if (m.input() != null && !LatestMeasurements.CONTROL_SERVICE.equals(m.annotation("service"))) {
        out.put(ResumeKey.of(m), m);
      }
    }
    return out;
  }

  private static String service(Measurement m) {
    return m.annotation("service");
  }
}
