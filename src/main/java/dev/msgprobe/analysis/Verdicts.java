package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/** Building and adjusting verdicts (records, so every change makes a new one). */
final class Verdicts {
  private Verdicts() {}

  static Verdict of(Status status, Method method, Confidence confidence, List<String> evidence) {
    return Verdict.of(status, method, null, confidence, List.copyOf(evidence));
  }

  /**
   * The measurement ended before the step was recorded: nothing to judge. {@code step} names the step
   * in the {@code incomplete.*} evidence keys ({@code dns}, {@code tcp}, ...), {@code args} its target.
   */
  static Verdict incomplete(String step, Object... args) {
    return new Verdict(Status.INCONCLUSIVE, null, Method.OK, null, Confidence.LOW,
        List.of(Evidence.sentence("incomplete." + step, args)));
  }

  /** The measurement was interrupted during the step ({@code interrupted.*} evidence keys). */
  static Verdict interrupted(String step, Object... args) {
    return new Verdict(Status.INCONCLUSIVE, null, Method.OK, null, Confidence.LOW,
        List.of(Evidence.sentence("interrupted." + step, args)));
  }

  static Verdict withEvidence(Verdict v, List<String> more) {
    List<String> all = new ArrayList<>(v.evidence());
    more.stream().filter(s -> !all.contains(s)).forEach(all::add);
    return new Verdict(v.status(), v.layer(), v.method(), v.sniFiltering(), v.confidence(), List.copyOf(all));
  }

  static Verdict withConfidence(Verdict v, Confidence c) {
    return new Verdict(v.status(), v.layer(), v.method(), v.sniFiltering(), c, v.evidence());
  }

  static Verdict withStatus(Verdict v, Status s, Confidence c) {
    return new Verdict(s, v.layer(), v.method(), v.sniFiltering(), c, v.evidence());
  }

  /** The lower of two confidences. */
  static Confidence lower(Confidence a, Confidence b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
