package dev.msgprobe.analysis;

import dev.msgprobe.model.NetworkMode;

/**
 * What the run learned about the probe's own network from the controls (docs/contract/summary.md), given to the
 * classifier with every endpoint. {@code baselineGoodputKbps} is the median goodput of the controls'
 * downloads, {@code uploadBaselineGoodputKbps} that of their uploads; null when none was measured.
 * Links are often asymmetric and an upload's rate is bounded by its small send buffer, so a transfer is
 * only ever compared with transfers in its own direction.
 */
public record NetworkContext(
    boolean domesticControlWorks,
    boolean foreignControlWorks,
    Double baselineGoodputKbps,
    Double uploadBaselineGoodputKbps) {

  /** Used when no control was measured (e.g. re-analysing a report without controls). */
  public static final NetworkContext UNKNOWN = new NetworkContext(true, true, null);

  /** A context whose controls moved no upload. */
  public NetworkContext(boolean domesticControlWorks, boolean foreignControlWorks, Double baselineGoodputKbps) {
    this(domesticControlWorks, foreignControlWorks, baselineGoodputKbps, null);
  }

  /** The baseline for transfers in {@code direction} ({@code download} or {@code upload}), or null. */
  public Double baselineKbps(String direction) {
    return "upload".equals(direction) ? uploadBaselineGoodputKbps : baselineGoodputKbps;
  }

  public boolean offline() {
    return !domesticControlWorks && !foreignControlWorks;
  }

  public NetworkMode networkMode() {
    if (offline()) {
      return NetworkMode.OFFLINE;
    }
    return domesticControlWorks && !foreignControlWorks ? NetworkMode.ALLOWLIST : NetworkMode.NORMAL;
  }
}
