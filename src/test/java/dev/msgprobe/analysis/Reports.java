package dev.msgprobe.analysis;

import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import java.util.List;
import java.util.Map;

/** Report lines for aggregation tests. */
final class Reports {
  private Reports() {}

  static Measurement line(String input, String service, String function, TestKeys keys) {
    return new Measurement(Map.of("service", service, "function", function, "list", service, "platform", "linux"),
        Measurement.DATA_FORMAT_VERSION, Map.of(), input, "2026-01-01 00:00:00", "AS0", "ZZ", Measurement.PROBE_IP,
        "", "r", null, null, null, "msgprobe", "0.1.0", keys, Measurement.TEST_NAME, 1.0, "2026-01-01 00:00:00",
        "0.1.0");
  }

  /** A line whose only content is its verdict. */
  static Measurement verdict(String input, String service, String function, Status status, Method method) {
    Verdict v = status == Status.REACHABLE ? Verdict.reachable(Confidence.HIGH, List.of("ok"))
        : Verdict.of(status, method, null, Confidence.MEDIUM, List.of("seen"));
    return line(input, service, function, Obs.obs().keys().withVerdict(v));
  }
}
