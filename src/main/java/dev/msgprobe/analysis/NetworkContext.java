package dev.msgprobe.analysis;

import dev.msgprobe.model.NetworkMode;

/**
 * What the run learned about the probe's own network from the controls (docs/contract/summary.md), given to the
 * classifier with every endpoint. {@code baselineGoodputKbps} is the median goodput of the controls'
 * downloads, {@code uploadBaselineGoodputKbps} that of their uploads; null when none was measured.
 * {@code udpControlAnswers} and {@code largeUdpControlAnswers} say whether any STUN control answered a
 * minimal and a padded (more than 1001 bytes) request; null when no STUN control was measured.
 * Links are often asymmetric and an upload's rate is bounded by its small send buffer, so a transfer is
 * only ever compared with transfers in its own direction.
 */
public record NetworkContext(
    boolean domesticControlWorks,
    boolean foreignControlWorks,
    Double baselineGoodputKbps,
    Double uploadBaselineGoodputKbps,
    Boolean udpControlAnswers,
    Boolean largeUdpControlAnswers) {

  /** A context whose UDP controls were not measured. */
  public NetworkContext(boolean domesticControlWorks, boolean foreignControlWorks, Double baselineGoodputKbps,
      Double uploadBaselineGoodputKbps) {
    this(domesticControlWorks, foreignControlWorks, baselineGoodputKbps, uploadBaselineGoodputKbps, null, null);
  }

  /**
   * This context with what the UDP controls (STUN servers) said: whether any answered a minimal
   * request, and whether any answered one padded past 1001 bytes; null when none was measured.
   */
  public NetworkContext withUdp(Boolean small, Boolean large) {
    return new NetworkContext(domesticControlWorks, foreignControlWorks, baselineGoodputKbps,
        uploadBaselineGoodputKbps, small, large);
  }

  /**
   * {@code filtered} when UDP controls were measured and none answered while the network otherwise
   * works (no UDP endpoint can then be called blocked); {@code normal} otherwise.
   */
  public String udpMode() {
    return Boolean.FALSE.equals(udpControlAnswers) && !offline() ? "filtered" : "normal";
  }

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
