package dev.msgprobe.engine;

import dev.msgprobe.analysis.NetworkContext;
import dev.msgprobe.analysis.NetworkContexts;
import dev.msgprobe.analysis.Summaries;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.report.LatestMeasurements;
import dev.msgprobe.report.LoadedReport;
import dev.msgprobe.report.SummarisedRun;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The summary of stored reports ({@code msgprobe report}, {@code msgprobe compare}), computed again
 * from their lines with analysis' rules, so it is the summary a run would write today.
 *
 * <ul>
 *   <li>Reports are read together: an endpoint measured more than once counts once, the latest
 *       measurement winning ({@link LatestMeasurements}); so do the controls.</li>
 *   <li>{@code started}: the earliest {@code measurement_start_time} of all lines.</li>
 *   <li>{@code runtime}: the sum over the runs (lines with the same {@code report_id}: one run, or one
 *       {@code --resume} of it) of each run's span, from its {@code test_start_time} to the end of its
 *       last measurement; so a pause between a run and its resume, or days between two reports, are not
 *       counted.</li>
 *   <li>{@code network_mode} and {@code controls}: from the latest measurement of each control.</li>
 *   <li>{@code software_version}, {@code probe_asn}, {@code probe_cc}: the values found in the lines,
 *       joined with {@code ", "} when they differ; {@code report_file}: the files, joined the same way.</li>
 *   <li>{@code by_network}: when the lines come from more than one {@code probe_asn}, the services of
 *       each network; an endpoint measured on two networks counts once on each.</li>
 * </ul>
 */
public final class StoredReports {
  private static final DateTimeFormatter OONI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private StoredReports() {}

  public static SummarisedRun summarise(List<LoadedReport> reports) {
    List<Measurement> all = reports.stream().flatMap(r -> r.measurements().stream()).toList();
    List<Measurement> latest = LatestMeasurements.of(all);
    String version = joined(latest, Measurement::softwareVersion);
    NetworkContext context = NetworkContexts.fromMeasurements(latest);
    RunSummary summary = new RunSummary("msgprobe", version == null ? Wiring.softwareVersion() : version,
        reports.stream().map(r -> r.file().toString()).collect(Collectors.joining(", ")),
        joined(latest, Measurement::probeAsn), joined(latest, Measurement::probeCc), earliestStart(all),
        runtime(all), context.networkMode(), Summaries.controls(latest),
        Summaries.services(latest), joined(latest, Measurement::probeNetworkName), null, byNetwork(latest), context.udpMode());
    return new SummarisedRun(summary, latest);
  }

  private static Map<String, Map<String, dev.msgprobe.model.ServiceSummary>> byNetwork(List<Measurement> latest) {
    Map<String, Map<String, dev.msgprobe.model.ServiceSummary>> by = Summaries.byNetwork(latest);
    return by.isEmpty() ? null : by;
  }

  /** The distinct non-blank values in order of first appearance, joined; null when there is none. */
  private static String joined(List<Measurement> measurements, Function<Measurement, String> field) {
    Set<String> values = new LinkedHashSet<>();
    for (Measurement m : measurements) {
      String v = field.apply(m);
      if (v != null && !v.isBlank()) {
        values.add(v);
      }
    }
    return values.isEmpty() ? null : String.join(", ", values);
  }

  private static String earliestStart(List<Measurement> measurements) {
    return measurements.stream().map(Measurement::measurementStartTime).filter(t -> parse(t) != null)
        .min(String::compareTo).orElse(null);
  }

  /** Seconds, to the millisecond: the sum of each run's span (see the class comment). */
  static double runtime(List<Measurement> measurements) {
    Map<String, LocalDateTime[]> spans = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      LocalDateTime start = parse(m.measurementStartTime());
      if (start == null) {
        continue;
      }
      LocalDateTime runStart = parse(m.testStartTime());
      LocalDateTime begin = runStart != null && runStart.isBefore(start) ? runStart : start;
      LocalDateTime end = start.plusNanos(Math.round(Math.max(0, m.testRuntime()) * 1e9));
      spans.merge(Objects.toString(m.reportId(), ""), new LocalDateTime[] {begin, end}, (a, b) -> new LocalDateTime[] {
          a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
    }
    long millis = spans.values().stream().mapToLong(s -> Duration.between(s[0], s[1]).toMillis()).sum();
    return millis / 1000.0;
  }

  private static LocalDateTime parse(String ooniTime) {
    if (ooniTime == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(ooniTime, OONI_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
