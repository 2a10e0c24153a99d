package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Transfer;
import dev.msgprobe.model.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * Throughput rules, applied once the main path worked (that is the alive check): a transfer (download
 * or upload) that stalls after a few kilobytes with no reset or close is {@code tcp.stall} (blocked,
 * high); one whose goodput is far below the controls' baseline for its direction is {@code tcp.throttle}
 * (throttled). See {@link Thresholds}.
 */
final class TransferStage {
  private TransferStage() {}

  static Verdict judge(Observations o, NetworkContext ctx, PathEvidence p) {
    List<Transfer> transfers = o.transfers();
    for (Transfer t : transfers) {
      if (t.stalled() && t.bytes() >= Thresholds.STALL_MIN_BYTES && t.bytes() <= Thresholds.STALL_MAX_BYTES
          && t.bytes() < t.targetBytes()) {
        return Verdicts.of(Status.BLOCKED, Method.TCP_STALL, Confidence.HIGH, List.of(
            stalled(o, t), Evidence.sentence("transfer.alive")));
      }
      if (t.stalled()) {
        p.add(Evidence.sentence("transfer.stalled.outside", what(t), t.bytes(), Thresholds.STALL_MIN_BYTES,
            Thresholds.STALL_MAX_BYTES));
      }
    }
    for (Transfer t : transfers) {
      if (t.stalled() || t.bytes() == 0
          || (t.bytes() < Thresholds.GOODPUT_MIN_BYTES && t.seconds() < Thresholds.GOODPUT_MIN_SECONDS)) {
        continue;
      }
      Object[] moved = {what(t), t.bytes(), decimal("%.1f", t.seconds()), decimal("%.0f", t.goodputKbps())};
      Double baselineKbps = ctx.baselineKbps(t.direction());
      if (baselineKbps != null && baselineKbps > 0) {
        double ratio = t.goodputKbps() / baselineKbps;
        String vs = Evidence.sentence("transfer.moved.vs." + (isUpload(t) ? "upload" : "download"), moved[0],
            moved[1], moved[2], moved[3], decimal("%.0f", ratio * 100), decimal("%.0f", baselineKbps));
        if (ratio < Thresholds.THROTTLE_RATIO) {
          return Verdicts.of(Status.THROTTLED, Method.TCP_THROTTLE, Confidence.MEDIUM, List.of(vs));
        }
        p.add(vs);
      } else if (t.goodputKbps() < Thresholds.THROTTLE_ABSOLUTE_KBPS) {
        return Verdicts.of(Status.THROTTLED, Method.TCP_THROTTLE, Confidence.LOW, List.of(
            Evidence.sentence("transfer.moved.below", moved[0], moved[1], moved[2], moved[3],
                decimal("%.0f", Thresholds.THROTTLE_ABSOLUTE_KBPS)),
            Evidence.sentence("transfer.no_baseline." + (isUpload(t) ? "upload" : "download"))));
      } else {
        p.add(Evidence.sentence("transfer.moved", moved));
      }
    }
    return null;
  }

  /** "a download from ADDRESS (SNI name)" or "an upload to ADDRESS (SNI name)". */
  private static String what(Transfer t) {
    String key = "transfer." + (isUpload(t) ? "upload" : "download") + (t.serverName() == null ? "" : ".sni");
    return Evidence.sentence(key, t.address(), t.serverName());
  }

  /** A transfer that stalled inside the range of the known freeze. */
  private static String stalled(Observations o, Transfer t) {
    double[] last = lastSample(o, t);
    String key = "transfer.stalled" + (isUpload(t) ? ".upload" : "") + (last == null ? "" : ".sample");
    return last == null ? Evidence.sentence(key, what(t), t.bytes(), t.targetBytes())
        : Evidence.sentence(key, what(t), t.bytes(), t.targetBytes(), decimal("%.1f", last[0]), decimal("%.1f", last[1]));
  }

  private static String decimal(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }

  private static boolean isUpload(Transfer t) {
    return "upload".equals(t.direction());
  }

  /**
   * When the last byte arrived and when the transfer gave up (seconds from its start), from the
   * {@code bytes_received_cumulative} samples (downloads only); null without a sample.
   */
  private static double[] lastSample(Observations o, Transfer t) {
    NetworkEvent last = o.keys.networkEvents().stream()
        .filter(ev -> ev.transactionId() == t.transactionId() && "bytes_received_cumulative".equals(ev.operation())
            && ev.numBytes() != null && ev.numBytes() == t.bytes())
        .findFirst().orElse(null);
    if (last == null) {
      return null;
    }
    return new double[] {last.t() - t.t0(), t.t() - t.t0()};
  }
}
