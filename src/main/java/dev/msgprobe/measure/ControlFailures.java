package dev.msgprobe.measure;

import dev.msgprobe.model.Failures;
import java.util.Map;

/**
 * The legacy failure strings of OONI's test helper turned into current ones (OONI's df-007-errors
 * and ts-017-web-connectivity).
 */
final class ControlFailures {
  /**
   * Legacy strings and their current equivalents; {@code connect_error} ("something went wrong when
   * connecting") has none and becomes an {@code unknown_failure} that keeps its name.
   */
  private static final Map<String, String> LEGACY = Map.of(
      "connection_refused_error", Failures.CONNECTION_REFUSED,
      "dns_name_error", Failures.DNS_NXDOMAIN,
      "dns_server_failure", Failures.DNS_SERVER_MISBEHAVING,
      "dns_lookup_error", Failures.DNS_SERVER_MISBEHAVING,
      "tcp_timed_out_error", Failures.GENERIC_TIMEOUT,
      "deferred_timeout_error", Failures.GENERIC_TIMEOUT,
      "task_timed_out", Failures.GENERIC_TIMEOUT,
      "connection_lost_error", Failures.CONNECTION_RESET,
      "unknown_error", Failures.UNKNOWN,
      "connect_error", Failures.UNKNOWN + ": connect_error");

  private ControlFailures() {}

  /** The current OONI string for a failure the helper reported; current strings (and null) pass unchanged. */
  static String current(String helperFailure) {
    return helperFailure == null ? null : LEGACY.getOrDefault(helperFailure, helperFailure);
  }
}
