package dev.msgprobe.net;

import java.security.cert.CertificateException;

/**
 * A chain that is trusted but not valid for the name checked (OONI {@code ssl_invalid_hostname}).
 * Thrown by {@link CapturingTrustManager} so the taxonomy can tell it from a path failure by type.
 */
final class HostnameMismatchException extends CertificateException {
  private static final long serialVersionUID = 1L;

  HostnameMismatchException(CertificateException cause) {
    super(cause.getMessage(), cause);
  }
}
