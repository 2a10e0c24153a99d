package dev.msgprobe.helper;

import dev.msgprobe.model.Failures;
import java.util.Set;

/**
 * The failure strings of OONI's legacy test helper, which oohelperd still emits and OONI's probes
 * compare against (ooni/probe-cli internal/oohelperd dns.go, tcptls.go, http.go). TLS failures are
 * not mapped: oohelperd returns the current strings there.
 */
final class LegacyFailures {
  static final String DNS_NAME_ERROR = "dns_name_error";
  static final String DNS_SERVER_FAILURE = "dns_server_failure";
  static final String DNS_LOOKUP_ERROR = "dns_lookup_error";
  static final String CONNECTION_REFUSED = "connection_refused_error";
  static final String CONNECT_ERROR = "connect_error";
  static final String UNKNOWN = "unknown_error";

  /** The DNS failures oohelperd's HTTP step reports as {@code dns_lookup_error} (SERVFAIL is not among them). */
  private static final Set<String> HTTP_DNS_FAILURES = Set.of(Failures.DNS_NXDOMAIN, Failures.DNS_NO_ANSWER,
      "dns_non_recoverable_failure", Failures.DNS_REFUSED, Failures.DNS_SERVER_MISBEHAVING, "dns_temporary_failure");

  private LegacyFailures() {}

  /** The {@code dns.failure} for a lookup's current failure; no answer is no failure (with no addresses). */
  static String dns(String failure) {
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
  static String tcp(String failure) {
    if (failure == null || failure.equals(Failures.GENERIC_TIMEOUT)) {
      return failure;
    }
    return failure.equals(Failures.CONNECTION_REFUSED) ? CONNECTION_REFUSED : CONNECT_ERROR;
  }

  /** The {@code http_request} failure for a fetch's current failure; {@code duringLookup} when it came from DNS. */
  static String http(String failure, boolean duringLookup) {
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
