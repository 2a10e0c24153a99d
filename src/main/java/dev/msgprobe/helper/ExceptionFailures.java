package dev.msgprobe.helper;

import dev.msgprobe.model.Failures;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The current OONI failure string of an exception seen by the helper, from the first throwable of
 * the cause chain that names one (OkHttp wraps connect errors, JSSE wraps certificate errors); a
 * TLS error with no better name is {@code ssl_failed_handshake}, anything else {@code unknown_failure}.
 * A stop-gap with the few cases the helper's answers distinguish, until the network edge's one
 * failure taxonomy replaces it.
 */
final class ExceptionFailures {
  private ExceptionFailures() {}

  static String classify(Throwable error) {
    boolean tls = false;
    for (Throwable e = error; e != null; e = e.getCause()) {
      String failure = direct(e);
      if (failure != null) {
        return failure;
      }
      tls |= e instanceof SSLException;
    }
    return tls ? Failures.SSL_FAILED_HANDSHAKE : Failures.UNKNOWN;
  }

  private static String direct(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (e instanceof HelperDnsException dns) {
      return dns.failure;
    }
    if (e instanceof PrivateAddressException) {
      return Failures.UNKNOWN;
    }
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException && message.contains("timeout")) {
      return Failures.GENERIC_TIMEOUT;
    }
    if (e instanceof ConnectException && message.contains("refused")) {
      return Failures.CONNECTION_REFUSED;
    }
    if (e instanceof NoRouteToHostException) {
      return Failures.HOST_UNREACHABLE;
    }
    if (e instanceof SocketException && message.contains("network is unreachable")) {
      return Failures.NETWORK_UNREACHABLE;
    }
    if (e instanceof SocketException && message.contains("reset")) {
      return Failures.CONNECTION_RESET;
    }
    if (e instanceof EOFException) {
      return Failures.EOF;
    }
    if (e instanceof CertPathBuilderException || e instanceof CertPathValidatorException) {
      return Failures.SSL_UNKNOWN_AUTHORITY;
    }
    if (e instanceof CertificateExpiredException || e instanceof CertificateNotYetValidException) {
      return Failures.SSL_INVALID_CERTIFICATE;
    }
    if (e instanceof SSLPeerUnverifiedException && message.contains("hostname")
        || e instanceof java.security.cert.CertificateException && message.contains("subject alternative")) {
      return Failures.SSL_INVALID_HOSTNAME;
    }
    return null;
  }
}
