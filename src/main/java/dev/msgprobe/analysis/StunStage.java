package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import java.util.List;

/**
 * The verdict of a {@code stun} endpoint (a call relay or a STUN server): reachable when the minimal
 * Binding Request was answered; {@code udp.timeout} blocked when it stayed silent while the run's UDP
 * controls answered; inconclusive when no UDP control answered (UDP may be filtered on this network
 * as a whole) or none was measured. An ICMP refusal is the server's own answer: down.
 */
final class StunStage {
  private StunStage() {}

  /** Whether {@code keys} are those of a STUN transaction (stunreachability's {@code endpoint} is set). */
  static boolean isStun(TestKeys keys) {
    return keys.endpoint() != null;
  }

  /**
   * Whether the server answered the minimal request ({@code large} false) or the padded one: a
   * datagram came back on that transaction.
   */
  static boolean answered(TestKeys keys, boolean large) {
    if (!large) {
      return keys.failure() == null && keys.networkEvents().stream().anyMatch(StunStage::isReply);
    }
    return keys.networkEvents().stream().filter(e -> e.hasTag(Tags.LARGE_DATAGRAM)).anyMatch(StunStage::isReply);
  }

  private static boolean isReply(NetworkEvent e) {
    return "read".equals(e.operation()) && e.failure() == null && e.numBytes() != null && e.numBytes() > 0
        && !e.hasTag(Tags.CONTROL);
  }

  static Verdict judge(TestKeys keys, NetworkContext ctx) {
    String server = keys.endpoint();
    String failure = keys.failure();
    boolean large = answered(keys, true);
    if (failure == null) {
      List<String> ev = large ? List.of(Evidence.sentence("stun.answered.both", server))
          : List.of(Evidence.sentence("stun.answered.minimal", server), Evidence.sentence("stun.large.dropped"));
      return Verdict.reachable(large ? Confidence.HIGH : Confidence.MEDIUM, ev);
    }
    if (FailureKinds.isInterrupted(failure)) {
      return Verdicts.interrupted("stun");
    }
    if (Failures.CONNECTION_REFUSED.equals(failure)) {
      return Verdicts.of(Status.DOWN, Method.UDP_TIMEOUT, Confidence.MEDIUM, List.of(
          Evidence.sentence("stun.refused", server)));
    }
    String silent = Failures.isTimeout(failure)
        ? Evidence.sentence("stun.silent", server)
        : Evidence.sentence("stun.improper", server, failure);
    if (ctx.udpControlAnswers() == null) {
      return Verdicts.of(Status.INCONCLUSIVE, Method.UDP_TIMEOUT, Confidence.LOW,
          List.of(silent, Evidence.sentence("stun.udp.unknown")));
    }
    if (!ctx.udpControlAnswers()) {
      return Verdicts.of(Status.INCONCLUSIVE, Method.UDP_TIMEOUT, Confidence.LOW,
          List.of(silent, NetworkModes.UDP_FILTERED));
    }
    return Verdicts.of(Status.BLOCKED, Method.UDP_TIMEOUT, Confidence.HIGH,
        List.of(silent, Evidence.sentence("stun.udp.controls")));
  }
}
