package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Evidence from the control vantage (observations tagged {@code control}) for a failed step: when the
 * control saw the same failure the endpoint is down; when it succeeded the block is certain.
 */
final class ControlCheck {
  private ControlCheck() {}

  /**
   * {@code controlFailures} holds the control's outcomes of the same step, null for a success.
   * {@code step} names the step in the evidence keys: {@code tcp}, {@code tls} or {@code http}.
   */
  static Verdict apply(Verdict v, String failure, List<String> controlFailures, String step) {
    if (controlFailures.isEmpty()) {
      return v;
    }
    if (controlFailures.stream().anyMatch(Objects::isNull)) {
      Verdict sure = v.status() == Status.BLOCKED ? Verdicts.withConfidence(v, Confidence.HIGH) : v;
      return Verdicts.withEvidence(sure, List.of(Evidence.sentence("control.completed." + step)));
    }
    if (controlFailures.stream().allMatch(f -> FailureKinds.sameKind(f, failure))) {
      List<String> ev = new ArrayList<>(v.evidence());
      ev.add(Evidence.sentence("control.same", controlFailures.get(0)));
      return new Verdict(Status.DOWN, v.layer(), v.method(), v.sniFiltering(), Confidence.HIGH, List.copyOf(ev));
    }
    return Verdicts.withEvidence(v, List.of(Evidence.sentence("control.different." + step,
        String.join(", ", controlFailures))));
  }
}
