package dev.msgprobe.analysis;

/**
 * What the run learned about the probe's own network from the controls (SPEC §4), given to the
 * classifier with every endpoint. {@code baselineGoodputKbps} is the median goodput of the controls'
 * transfers, or null when none was measured.
 */
public record NetworkContext(
    boolean domesticControlWorks,
    boolean foreignControlWorks,
    Double baselineGoodputKbps) {

  /** Used when no control was measured (e.g. re-analysing a report without controls). */
  public static final NetworkContext UNKNOWN = new NetworkContext(true, true, null);

  public boolean offline() {
    return !domesticControlWorks && !foreignControlWorks;
  }

  /** normal | allowlist | offline. */
  public String networkMode() {
    if (offline()) {
      return "offline";
    }
    return domesticControlWorks && !foreignControlWorks ? "allowlist" : "normal";
  }
}
