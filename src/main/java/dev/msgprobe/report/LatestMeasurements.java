package dev.msgprobe.report;

import dev.msgprobe.model.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measurement per endpoint and probe network ({@code probe_asn}: the same endpoint measured on two
 * networks is two results), for reports read together or a report continued with
 * {@code --resume}. Endpoints are matched by {@link ResumeKey}; the run's controls (annotation
 * {@code service} = {@value #CONTROL_SERVICE}) are matched among themselves only, because a control
 * may share its URI with a list endpoint ({@code https://max.ru/}). The latest measurement wins: the
 * greatest {@code measurement_start_time} ({@code yyyy-MM-dd HH:mm:ss} UTC, compared as text; a missing
 * time is the oldest), and on a tie the one given later. Each endpoint keeps the position where it
 * first appeared. A measurement without {@code input} has no key and is kept as it is.
 */
public final class LatestMeasurements {
  /** The service annotation of the run's controls (analysis {@code Summaries.CONTROL_SERVICE}). */
  static final String CONTROL_SERVICE = "control";

  private LatestMeasurements() {}

  /** {@code measurements} in reading order (files in the order given, lines in file order). */
  public static List<Measurement> of(List<Measurement> measurements) {
    return latest(measurements, true);
  }

  /**
   * As {@link #of}, but one measurement per endpoint whatever network it was taken on: for measurements
   * a caller has already grouped by where they were taken (a country, a probe).
   */
  public static List<Measurement> ofAnyNetwork(List<Measurement> measurements) {
    return latest(measurements, false);
  }

  private static List<Measurement> latest(List<Measurement> measurements, boolean perNetwork) {
    Map<Object, Measurement> latest = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      Object key = perNetwork || m.input() == null ? key(m) : endpointKey(m);
      latest.merge(key, m, (kept, candidate) -> isOlder(candidate, kept) ? kept : candidate);
    }
    return new ArrayList<>(latest.values());
  }

  /** The identity of {@code m}'s endpoint within a run: its network and resume key, kept apart for controls. */
  static Object key(Measurement m) {
    if (m.input() == null) {
      return new Object();
    }
    return m.probeAsn() + " " + endpointKey(m);
  }

  private static String endpointKey(Measurement m) {
    return (CONTROL_SERVICE.equals(m.annotation("service")) ? "control " : "endpoint ") + ResumeKey.of(m);
  }

  private static boolean isOlder(Measurement a, Measurement b) {
    return time(a).compareTo(time(b)) < 0;
  }

  private static String time(Measurement m) {
    return m.measurementStartTime() == null ? "" : m.measurementStartTime();
  }
}
