package dev.msgprobe.analysis;

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
      String sizes = large ? "both a minimal and a 1,100-byte Binding Request" : "a minimal Binding Request";
      List<String> ev = large ? List.of("the STUN server at " + server + " answered " + sizes)
          : List.of("the STUN server at " + server + " answered " + sizes,
              "a Binding Request padded past 1001 bytes got no answer: large UDP datagrams are dropped on the way");
      return Verdict.reachable(large ? Confidence.HIGH : Confidence.MEDIUM, ev);
    }
    if (FailureKinds.isInterrupted(failure)) {
      return Verdicts.interrupted("the STUN exchange");
    }
    if (Failures.CONNECTION_REFUSED.equals(failure)) {
      return Verdicts.of(Status.DOWN, Method.UDP_TIMEOUT, Confidence.MEDIUM, List.of("the STUN request to " + server
          + " was refused (ICMP port unreachable): nothing listens there"));
    }
    String silent = Failures.isTimeout(failure)
        ? "the STUN server at " + server + " stayed silent through every retransmission of the Binding Request"
        : "the STUN server at " + server + " did not answer the Binding Request properly (" + failure + ")";
    if (ctx.udpControlAnswers() == null) {
      return Verdicts.of(Status.INCONCLUSIVE, Method.UDP_TIMEOUT, Confidence.LOW,
          List.of(silent, "no UDP control was measured, so UDP on this network may be filtered as a whole"));
    }
    if (!ctx.udpControlAnswers()) {
      return Verdicts.of(Status.INCONCLUSIVE, Method.UDP_TIMEOUT, Confidence.LOW,
          List.of(silent, NetworkModes.UDP_FILTERED));
    }
    return Verdicts.of(Status.BLOCKED, Method.UDP_TIMEOUT, Confidence.HIGH,
        List.of(silent, "the UDP controls (STUN servers in the control list) answered in the same run"));
  }
}
