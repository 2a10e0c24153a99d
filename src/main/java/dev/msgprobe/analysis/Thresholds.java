package dev.msgprobe.analysis;

/**
 * The numbers the classifier judges transfers by, with where they come from (field reports of Russian
 * throttling, the 16–20 KB freeze and allowlists: Censored Planet's throttling paper, net4people/bbs#490,
 * hyperion-cs/dpi-checkers). docs/design/classifier.md explains the choices.
 */
final class Thresholds {
  private Thresholds() {}

  /**
   * A stall counts as the "16–20 KB" freeze (T14) when it happens after at least this many payload
   * bytes: below it the connection never really carried data. Payload bytes exclude the TLS handshake
   * (~3–6 KB of certificates), which also counts toward the censor's per-connection budget.
   */
  static final long STALL_MIN_BYTES = 1024;

  /** ...and at most this many (field reports: "stops between 8 KB and 32 KB", widened down). */
  static final long STALL_MAX_BYTES = 32 * 1024;

  /** Throttled when goodput is below this share of the controls' median (20 %, derived from the field reports). */
  static final double THROTTLE_RATIO = 0.20;

  /**
   * Without a baseline, throttled when goodput is below this many kbit/s: above the caps seen in the
   * field (Twitter 128–150 kbit/s, allowlist-mode ~14 KB/s ≈ 112 kbit/s), far below any working link.
   */
  static final double THROTTLE_ABSOLUTE_KBPS = 200;

  /** A transfer's goodput is judged only when it moved at least this many bytes... */
  static final long GOODPUT_MIN_BYTES = 32 * 1024;

  /** ...or lasted at least this long (a capped link moves few bytes before the deadline). */
  static final double GOODPUT_MIN_SECONDS = 2.0;
}
