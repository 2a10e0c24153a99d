package dev.msgprobe.testing;

import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TcpStatus;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import dev.msgprobe.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Report lines for tests of stored reports, built from the model records (nothing is measured), and
 * written with the real {@link ReportWriter}. Addresses are documentation ranges (RFC 5737).
 */
public final class ReportLines {
  public static final String RUN = "20261128T101502Z_msgprobeendpoint_ZZ_0_n1_AAAAAAAAAAAAAAAA";
  public static final String STARTED = "2026-11-28 10:15:02";

  private ReportLines() {}

  /** An endpoint line of run {@link #RUN} with only a verdict ({@code status} null: no verdict). */
  public static Measurement line(String input, String service, Status status, Method method) {
    return line(input, service, "chat", STARTED, RUN, keys(null).withVerdict(verdict(status, method)));
  }

  /** A line with everything given. */
  public static Measurement line(String input, String service, String function, String start, String reportId,
      TestKeys keys) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("function", function);
    annotations.put("list", service);
    annotations.put("service", service);
    return new Measurement(annotations, Measurement.DATA_FORMAT_VERSION, Map.of(), input, start, "AS0", "ZZ",
        Measurement.PROBE_IP, null, reportId, "AS0", "192.0.2.53", null, "msgprobe", "0.1.0", keys,
        Measurement.TEST_NAME, 1.5, STARTED, "0.1.0");
  }

  /** {@code m} measured at {@code start} in run {@code reportId}, which started at {@code runStart}. */
  public static Measurement inRun(Measurement m, String reportId, String runStart, String start) {
    return m.withReportId(reportId).withTestStartTime(runStart).withMeasurementStartTime(start);
  }


  /** {@code m} with one more annotation. */
  public static Measurement annotated(Measurement m, String key, String value) {
    return m.withAnnotation(key, value);
  }


  /** The observations of one main-path TCP connect to {@code ip:port}, and its retry when it failed. */
  public static TestKeys connect(String ip, int port, String failure) {
    TcpConnect first = new TcpConnect(ip, port, TcpStatus.of(failure), 0.001, 0.021, List.of(), 1);
    if (failure == null) {
      return keys(List.of(first));
    }
    TcpConnect retry = new TcpConnect(ip, port, TcpStatus.of(failure), 1.0, 1.02, List.of("retry"), 2);
    return keys(List.of(first, retry));
  }

  public static Verdict verdict(Status status, Method method) {
    if (status == null) {
      return null;
    }
    return status == Status.REACHABLE ? Verdict.reachable(Confidence.HIGH, List.of("it worked"))
        : Verdict.of(status, method, null, Confidence.HIGH, List.of("seen as " + method.wire()));
  }

  /** Writes a new report with {@code lines}. */
  public static Path write(Path file, Measurement... lines) throws IOException {
    try (ReportWriter writer = ReportWriter.create(file, Set.of())) {
      for (Measurement m : lines) {
        writer.write(m);
      }
    }
    return file;
  }

  private static TestKeys keys(List<TcpConnect> connects) {
    return new TestKeys("redirect", null, null, null, connects, null, null, null, null, null);
  }
}
