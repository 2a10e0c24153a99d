package dev.msgprobe.analysis;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Method;

/** The verdict method that names a failure at each layer. */
final class FailureMethods {
  private FailureMethods() {}

  /** The method of a failed TCP connect; {@code tcp.reset} for failures with no better name. */
  static Method tcp(String failure) {
    if (Failures.isTimeout(failure)) {
      return Method.TCP_TIMEOUT;
    }
    if (Failures.CONNECTION_REFUSED.equals(failure) || Failures.HOST_UNREACHABLE.equals(failure)) {
      return Method.TCP_REFUSED;
    }
    return Method.TCP_RESET;
  }

  /** The method of a failed TLS handshake; {@code tls.eof} for failures with no better name. */
  static Method tls(String failure) {
    if (Failures.isCertificateError(failure)) {
      return Method.TLS_CERT_INVALID;
    }
    if (Failures.isTimeout(failure)) {
      return Method.TLS_TIMEOUT;
    }
    return FailureKinds.isReset(failure) ? Method.TLS_RESET : Method.TLS_EOF;
  }

  /** The method of a request that failed after the connection was made; {@code http.eof} by default. */
  static Method http(String failure) {
    if (Failures.isTimeout(failure)) {
      return Method.HTTP_TIMEOUT;
    }
    return FailureKinds.isReset(failure) ? Method.HTTP_RESET : Method.HTTP_EOF;
  }
}
