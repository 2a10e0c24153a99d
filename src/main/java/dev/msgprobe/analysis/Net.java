package dev.msgprobe.analysis;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Method;

/** Reading OONI failure strings and addresses, and naming failures as verdict methods per layer. */
final class Net {
  private Net() {}

  static boolean isReset(String failure) {
    return Failures.CONNECTION_RESET.equals(failure) || Failures.CONNECTION_ABORTED.equals(failure);
  }

  /** A failure that on-path interference can cause: timeout, reset, refusal, EOF. */
  static boolean isInterruption(String failure) {
    return Failures.isTimeout(failure) || isReset(failure) || Failures.EOF.equals(failure)
        || Failures.CONNECTION_REFUSED.equals(failure) || Failures.HOST_UNREACHABLE.equals(failure);
  }

  static boolean isInterrupted(String failure) {
    return Failures.INTERRUPTED.equals(failure);
  }

  /** Whether two failures are the same kind (both timeouts, both resets, or equal strings). */
  static boolean sameKind(String a, String b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return a.equals(b) || (Failures.isTimeout(a) && Failures.isTimeout(b)) || (isReset(a) && isReset(b))
        || (Failures.isCertificateError(a) && Failures.isCertificateError(b));
  }

  /** The method of a failed TCP connect; {@code tcp.reset} for failures with no better name. */
  static Method tcpMethod(String failure) {
    if (Failures.isTimeout(failure)) {
      return Method.TCP_TIMEOUT;
    }
    if (Failures.CONNECTION_REFUSED.equals(failure) || Failures.HOST_UNREACHABLE.equals(failure)) {
      return Method.TCP_REFUSED;
    }
    return Method.TCP_RESET;
  }

  /** The method of a failed TLS handshake; {@code tls.eof} for failures with no better name. */
  static Method tlsMethod(String failure) {
    if (Failures.isCertificateError(failure)) {
      return Method.TLS_CERT_INVALID;
    }
    if (Failures.isTimeout(failure)) {
      return Method.TLS_TIMEOUT;
    }
    return isReset(failure) ? Method.TLS_RESET : Method.TLS_EOF;
  }

  /** The method of a request that failed after the connection was made; {@code http.eof} by default. */
  static Method httpMethod(String failure) {
    if (Failures.isTimeout(failure)) {
      return Method.HTTP_TIMEOUT;
    }
    return isReset(failure) ? Method.HTTP_RESET : Method.HTTP_EOF;
  }

  /** {@code ip} of {@code ip:port} or {@code [ipv6]:port}; the input when it has no port. */
  static String ipOf(String address) {
    if (address == null) {
      return null;
    }
    if (address.startsWith("[")) {
      int end = address.indexOf(']');
      return end < 0 ? address : address.substring(1, end);
    }
    int colon = address.lastIndexOf(':');
    return colon > 0 && address.indexOf(':') == colon ? address.substring(0, colon) : address;
  }

  /** {@code ip:port} with brackets around IPv6. */
  static String join(String ip, int port) {
    return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
  }

  /** Milliseconds between an entry's {@code t0} and {@code t}. */
  static long ms(double t0, double t) {
    return Math.round((t - t0) * 1000);
  }
}
