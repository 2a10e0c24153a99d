package dev.msgprobe.net;

import dev.msgprobe.model.Failures;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * OONI failure strings for the I/O errors of the DNS transports (UDP, TCP, DoH over OkHttp). Walks
 * the cause chain, because OkHttp wraps connect errors; prefers types to message text, which
 * differs between JDKs. Public so that the control vantage (helper, ControlStep) classifies the
 * same way until the one failure taxonomy of the network edge replaces it.
 */
public final class DnsFailures {
  private DnsFailures() {}

  public static String of(Throwable error) {
    if (Thread.currentThread().isInterrupted()) {
      return Failures.INTERRUPTED;
    }
    String fromTls = null;
    for (Throwable e = error; e != null; e = e.getCause()) {
      String failure = direct(e);
      if (failure != null) {
        return failure;
      }
      if (fromTls == null && e instanceof SSLException) {
        fromTls = Failures.SSL_FAILED_HANDSHAKE;
      }
    }
    return fromTls != null ? fromTls : Failures.UNKNOWN;
  }

  private static String direct(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (e instanceof PortUnreachableException) {
      return Failures.CONNECTION_REFUSED;
    }
    if (e instanceof ClosedByInterruptException) {
      return Failures.INTERRUPTED;
    }
    if (e instanceof SocketTimeoutException
        || e instanceof InterruptedIOException && message.contains("timeout")) {
      return Failures.GENERIC_TIMEOUT;
    }
    if (e instanceof NoRouteToHostException) {
      return Failures.HOST_UNREACHABLE;
    }
    if (e instanceof ConnectException && message.contains("refused")) {
      return Failures.CONNECTION_REFUSED;
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
    if (e instanceof CertPathBuilderException) {
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
