package dev.msgprobe.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8489 §6.2.1 retransmissions over UDP: {@code rc} transmissions of the same request, the first
 * at once and each next one after twice the previous interval (starting at {@code rto}), then
 * {@code rm} times {@code rto} of waiting after the last one. With the RFC's 500 ms, 7 and 16 the
 * requests leave at 0, 0.5, 1.5, 3.5, 7.5, 15.5 and 31.5 s, and the client gives up at 39.5 s.
 */
public record StunSchedule(Duration rto, int rc, int rm) {
  public static final StunSchedule RFC_8489 = new StunSchedule(Duration.ofMillis(500), 7, 16);

  public StunSchedule {
    if (rto.isNegative() || rto.isZero() || rc < 1 || rm < 1) {
      throw new IllegalArgumentException("STUN schedule needs RTO > 0, Rc >= 1 and Rm >= 1: " + rto + ", " + rc + ", " + rm);
    }
  }

  /** When each transmission is due, in seconds after the first. */
  public List<Double> sendOffsets() {
    List<Double> offsets = new ArrayList<>();
    double at = 0;
    double interval = seconds(rto);
    for (int i = 0; i < rc; i++) {
      offsets.add(at);
      at += interval;
      interval *= 2;
    }
    return offsets;
  }

  /** Seconds after the first transmission at which an unanswered transaction has failed. */
  public double giveUpAfter() {
    List<Double> offsets = sendOffsets();
    return offsets.get(offsets.size() - 1) + rm * seconds(rto);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
