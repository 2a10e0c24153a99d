package dev.msgprobe.model;

import java.util.Map;
import java.util.Set;

/**
 * The failure strings of OONI's legacy test helper, which oohelperd still emits and OONI's probes
 * compare against (ooni/probe-cli internal/oohelperd dns.go, tcptls.go, http.go), mapped both ways:
 * {@link #dns}, {@link #tcp} and {@link #http} write them (the helper's side), {@link #current}
 * reads them back (the probe's side). TLS failures are not mapped: oohelperd returns the current
 * strings there.
 */
public final class LegacyFailures {
  public static final String DNS_NAME_ERROR = "dns_name_error";
  public static final String DNS_SERVER_FAILURE = "dns_server_failure";
  public static final String DNS_LOOKUP_ERROR = "dns_lookup_error";
  public static final String CONNECTION_REFUSED = "connection_refused_error";
  public static final String CONNECT_ERROR = "connect_error";
  public static final String UNKNOWN = "unknown_error";

  /** The DNS failures oohelperd's HTTP step reports as {@code dns_lookup_error} (SERVFAIL is not among them). */
  private static final Set<String> HTTP_DNS_FAILURES = Set.of(Failures.DNS_NXDOMAIN, Failures.DNS_NO_ANSWER,
      "dns_non_recoverable_failure", Failures.DNS_REFUSED, Failures.DNS_SERVER_MISBEHAVING, "dns_temporary_failure");

  /**
   * Legacy strings and their current equivalents; {@code connect_error} ("something went wrong when
   * connecting") has none and becomes an {@code unknown_failure} that keeps its name.
   */
  private static final Map<String, String> CURRENT = Map.of(
      CONNECTION_REFUSED, Failures.CONNECTION_REFUSED,
      DNS_NAME_ERROR, Failures.DNS_NXDOMAIN,
      DNS_SERVER_FAILURE, Failures.DNS_SERVER_MISBEHAVING,
      DNS_LOOKUP_ERROR, Failures.DNS_SERVER_MISBEHAVING,
      "tcp_timed_out_error", Failures.GENERIC_TIMEOUT,
      "deferred_timeout_error", Failures.GENERIC_TIMEOUT,
      "task_timed_out", Failures.GENERIC_TIMEOUT,
      "connection_lost_error", Failures.CONNECTION_RESET,
      UNKNOWN, Failures.UNKNOWN,
      CONNECT_ERROR, Failures.UNKNOWN + ": connect_error");

  private LegacyFailures() {}

  /** The current OONI string for a failure a helper reported; current strings (and null) pass unchanged. */
  public static String current(String helperFailure) {
    return helperFailure == null ? null : CURRENT.getOrDefault(helperFailure, helperFailure);
  }

  /** The {@code dns.failure} for a lookup's current failure; no answer is no failure (with no addresses). */
  public static String dns(String failure) {
    if (failure == null || failure.equals(Failures.DNS_NO_ANSWER)) {
      return null;
    }
    return switch (failure) {
      case Failures.DNS_NXDOMAIN -> DNS_NAME_ERROR;
      case "dns_non_recoverable_failure", Failures.DNS_REFUSED, Failures.DNS_SERVER_MISBEHAVING,
          "dns_temporary_failure" -> DNS_SERVER_FAILURE;
      default -> UNKNOWN;
    };
  }

  /** The {@code tcp_connect} failure for a connect's current failure. */
  public static String tcp(String failure) {
    if (failure == null || failure.equals(Failures.GENERIC_TIMEOUT)) {
      return failure;
    }
    return failure.equals(Failures.CONNECTION_REFUSED) ? CONNECTION_REFUSED : CONNECT_ERROR;
  }

  /** The {@code http_request} failure for a fetch's current failure; {@code duringLookup} when it came from DNS. */
  public static String http(String failure, boolean duringLookup) {
    if (failure == null) {
      return null;
    }
    if (HTTP_DNS_FAILURES.contains(failure) || duringLookup && Failures.GENERIC_TIMEOUT.equals(failure)) {
      return DNS_LOOKUP_ERROR;
    }
    return switch (failure) {
      case Failures.GENERIC_TIMEOUT -> Failures.GENERIC_TIMEOUT;
      case Failures.CONNECTION_REFUSED -> CONNECTION_REFUSED;
      default -> UNKNOWN;
    };
  }
}
