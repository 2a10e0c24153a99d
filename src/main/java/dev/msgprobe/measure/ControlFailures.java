package dev.msgprobe.measure;

import dev.msgprobe.model.Failures;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.security.cert.CertPathBuilderException;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Failure strings around the control vantage: the legacy strings of OONI's test helper turned into
 * current ones (research/ooni.md §3.2, §7.2), and the failure of a call to the helper itself.
 */
final class ControlFailures {
  /** Legacy strings with a current equivalent; {@code connect_error} ("something went wrong when connecting") has none. */
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

  /** Why the call to the helper failed (it never answered). */
  static String ofCall(IOException error) {
    if (Thread.currentThread().isInterrupted()) {
      return Failures.INTERRUPTED;
    }
    boolean tls = false;
    for (Throwable e = error; e != null; e = e.getCause()) {
      tls |= e instanceof SSLException;
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (e instanceof InterruptedIOException && message.contains("time")) {
        return Failures.GENERIC_TIMEOUT;
      }
      if (e instanceof ConnectException && message.contains("refused")) {
        return Failures.CONNECTION_REFUSED;
      }
      if (e instanceof SocketException && message.contains("reset")) {
        return Failures.CONNECTION_RESET;
      }
      if (e instanceof EOFException) {
        return Failures.EOF;
      }
      if (e instanceof CertPathBuilderException) {
        return Failures.SSL_UNKNOWN_AUTHORITY;
      }
    }
    return tls ? Failures.SSL_FAILED_HANDSHAKE
        : Failures.UNKNOWN + ": " + error.getClass().getSimpleName();
  }
}
