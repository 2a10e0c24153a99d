package dev.msgprobe.analysis;

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
            what(t) + " stalled after " + (isUpload(t) ? "at least " : "") + t.bytes() + " of " + t.targetBytes()
                + " bytes" + lastSample(o, t) + ", with no reset or close: the connection froze",
            "the endpoint answered on another connection just before, so the host is alive"));
      }
      if (t.stalled()) {
        p.add(what(t) + " stalled after " + t.bytes() + " bytes, outside the "
            + Thresholds.STALL_MIN_BYTES + "–" + Thresholds.STALL_MAX_BYTES + " byte range of the known freeze");
      }
    }
    for (Transfer t : transfers) {
      if (t.stalled() || t.bytes() == 0
          || (t.bytes() < Thresholds.GOODPUT_MIN_BYTES && t.seconds() < Thresholds.GOODPUT_MIN_SECONDS)) {
        continue;
      }
      String moved = String.format(Locale.ROOT, "%s moved %d bytes in %.1f s: %.0f kbit/s", what(t), t.bytes(),
          t.seconds(), t.goodputKbps());
      Double baselineKbps = ctx.baselineKbps(t.direction());
      if (baselineKbps != null && baselineKbps > 0) {
        double ratio = t.goodputKbps() / baselineKbps;
        String vs = String.format(Locale.ROOT, "%.0f%% of the controls' %s median of %.0f kbit/s", ratio * 100,
            isUpload(t) ? "upload" : "download", baselineKbps);
        if (ratio < Thresholds.THROTTLE_RATIO) {
          return Verdicts.of(Status.THROTTLED, Method.TCP_THROTTLE, Confidence.MEDIUM, List.of(moved + ", " + vs));
        }
        p.add(moved + ", " + vs);
      } else if (t.goodputKbps() < Thresholds.THROTTLE_ABSOLUTE_KBPS) {
        return Verdicts.of(Status.THROTTLED, Method.TCP_THROTTLE, Confidence.LOW, List.of(moved
            + String.format(Locale.ROOT, ", below %.0f kbit/s", Thresholds.THROTTLE_ABSOLUTE_KBPS),
            "no control " + (isUpload(t) ? "upload" : "download")
                + " gave a baseline, so this rests on the absolute figure"));
      } else {
        p.add(moved);
      }
    }
    return null;
  }

  /** "a download from ADDRESS (SNI name)" or "an upload to ADDRESS (SNI name)". */
  private static String what(Transfer t) {
    String where = t.address() + (t.serverName() == null ? "" : " (SNI " + t.serverName() + ")");
    return isUpload(t) ? "an upload to " + where : "a download from " + where;
  }

  private static boolean isUpload(Transfer t) {
    return "upload".equals(t.direction());
  }

  /** When the last byte arrived, from the {@code bytes_received_cumulative} samples (downloads only). */
  private static String lastSample(Observations o, Transfer t) {
    NetworkEvent last = o.keys.networkEvents().stream()
        .filter(ev -> ev.transactionId() == t.transactionId() && "bytes_received_cumulative".equals(ev.operation())
            && ev.numBytes() != null && ev.numBytes() == t.bytes())
        .findFirst().orElse(null);
    if (last == null) {
      return "";
    }
    return String.format(Locale.ROOT, " (the last byte arrived %.1f s in, then nothing until %.1f s)",
        last.t() - t.t0(), t.t() - t.t0());
  }
}
