package dev.msgprobe.net;

import dev.msgprobe.model.Failures;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * THE one mapping from Java exceptions to OONI failure strings (df-007-errors). It walks the whole
 * cause chain, because wrappers (OkHttp's "Failed to connect to ...", JSSE's SSLHandshakeException)
 * hide the real error. Rules are tried in a fixed order, each against every throwable of the chain:
 * timeouts, interruption, certificate problems, socket errors, EOF, other TLS failures. Types decide
 * first; message text is read only where the JDK gives no type (errno messages of SocketException,
 * TLS alert names), since messages differ between JDK 17 and 25. Anything else becomes
 * {@code unknown_failure: <message>} with IP addresses scrubbed.
 */
public final class FailureTaxonomy {
  private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b");
  /** At least two colons and one hex digit, optionally ending in an IPv4 address or a zone. */
  private static final String IPV6_BODY = "(?=[0-9A-Fa-f:]*[0-9A-Fa-f])(?:[0-9A-Fa-f]{0,4}:){2,7}"
      + "(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f]{0,4})(?:%\\w+)?";
  private static final Pattern IPV6 =
      Pattern.compile("\\[" + IPV6_BODY + "\\]|(?<![\\w:])" + IPV6_BODY + "(?![\\w:])");
  private static final String SCRUBBED = "[scrubbed]";

  private static final List<Function<Throwable, String>> RULES = List.of(
      FailureTaxonomy::timeout,
      FailureTaxonomy::interrupted,
      FailureTaxonomy::certificate,
      FailureTaxonomy::quic,
      FailureTaxonomy::socket,
      FailureTaxonomy::eof,
      FailureTaxonomy::tls);

  private FailureTaxonomy() {}

  /** The OONI failure string for {@code error}; never null. */
  public static String classify(Throwable error) {
    List<Throwable> chain = causeChain(error);
    for (Function<Throwable, String> rule : RULES) {
      for (Throwable t : chain) {
        String failure = rule.apply(t);
        if (failure != null) {
          return failure;
        }
      }
    }
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return Failures.UNKNOWN + ": " + scrub(message);
  }

  /** {@code text} with every IPv4 and IPv6 address replaced by {@code [scrubbed]}. */
  public static String scrub(String text) {
    String withoutV6 = IPV6.matcher(text).replaceAll(SCRUBBED);
    return IPV4.matcher(withoutV6).replaceAll(SCRUBBED);
  }

  private static List<Throwable> causeChain(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /**
   * True when {@code error} is OkHttp's whole-call deadline, not a read timeout (an
   * {@link InterruptedIOException} that is no {@link SocketTimeoutException}, the thread not
   * interrupted): both classify as {@code generic_timeout_error}, but a call cut at its deadline
   * while no read had waited a whole timeout was still receiving data.
   */
  public static boolean isCallDeadline(IOException error) {
    return error instanceof InterruptedIOException && !(error instanceof SocketTimeoutException)
        && !Thread.currentThread().isInterrupted();
  }

  private static String timeout(Throwable t) {
    if (t instanceof SocketTimeoutException) {
      return Failures.GENERIC_TIMEOUT;
    }
    // okio and OkHttp's call timeout: a bare InterruptedIOException whose message is the only tell.
    if (t.getClass() == InterruptedIOException.class
        && ("timeout".equals(t.getMessage()) || "deadline reached".equals(t.getMessage()))) {
      return Failures.GENERIC_TIMEOUT;
    }
    return null;
  }

  private static String interrupted(Throwable t) {
    boolean interrupted = t instanceof InterruptedException || t instanceof ClosedByInterruptException
        || t instanceof InterruptedIOException;
    return interrupted ? Failures.INTERRUPTED : null;
  }

  private static String certificate(Throwable t) {
    if (t instanceof HostnameMismatchException || t instanceof SSLPeerUnverifiedException) {
      return Failures.SSL_INVALID_HOSTNAME;
    }
    if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
      return Failures.SSL_INVALID_CERTIFICATE;
    }
    if (t instanceof CertPathValidatorException e) {
      // A signature that does not verify means no trusted CA signed the chain (a forged issuer name):
      // Go's x509, which OONI's strings come from, calls that an unknown authority too.
      boolean unanchored = e.getReason() == PKIXReason.NO_TRUST_ANCHOR
          || e.getReason() == CertPathValidatorException.BasicReason.INVALID_SIGNATURE;
      return unanchored ? Failures.SSL_UNKNOWN_AUTHORITY : Failures.SSL_INVALID_CERTIFICATE;
    }
    if (t instanceof CertPathBuilderException) {
      return Failures.SSL_UNKNOWN_AUTHORITY;
    }
    if (t instanceof CertificateException && t.getCause() == null) {
      // JSSE's own endpoint identification throws a bare CertificateException naming the mismatch.
      String m = lower(t);
      return m.contains("subject alternative") || m.contains("no name matching")
          ? Failures.SSL_INVALID_HOSTNAME : Failures.SSL_INVALID_CERTIFICATE;
    }
    return null;
  }

  /**
   * kwik reports every failed QUIC handshake as a bare {@link ConnectException}: "Connection timed out
   * after N ms" when nothing answered, "Handshake error: ..." naming a TLS alert otherwise.
   */
  private static String quic(Throwable t) {
    if (!(t instanceof ConnectException) || t.getCause() != null) {
      return null;
    }
    String m = lower(t);
    if (m.startsWith("connection timed out after")) {
      return Failures.GENERIC_TIMEOUT;
    }
    if (m.startsWith("handshake error")) {
      return m.contains("servername does not match") ? Failures.SSL_INVALID_HOSTNAME : Failures.SSL_FAILED_HANDSHAKE;
    }
    return null;
  }

  private static String socket(Throwable t) {
    if (t instanceof NoRouteToHostException) {
      return Failures.HOST_UNREACHABLE;
    }
    if (t instanceof PortUnreachableException) {
      return Failures.CONNECTION_REFUSED;
    }
    if (!(t instanceof SocketException)) {
      return null;
    }
    String m = lower(t);
    if (m.contains("connection refused")) {
      return Failures.CONNECTION_REFUSED;
    }
    if (m.contains("connection reset") || m.contains("broken pipe")) {
      return Failures.CONNECTION_RESET;
    }
    if (m.contains("connection abort")) {
      return Failures.CONNECTION_ABORTED;
    }
    if (m.contains("network is unreachable")) {
      return Failures.NETWORK_UNREACHABLE;
    }
    if (m.contains("no route to host") || m.contains("host is unreachable")) {
      return Failures.HOST_UNREACHABLE;
    }
    if (t instanceof ConnectException && m.contains("timed out")) {
      return Failures.TIMED_OUT;
    }
    return null;
  }

  private static String eof(Throwable t) {
    return t instanceof EOFException ? Failures.EOF : null;
  }

  private static String tls(Throwable t) {
    if (!(t instanceof SSLException)) {
      return null;
    }
    return lower(t).contains("unrecognized_name") ? Failures.SSL_INVALID_HOSTNAME : Failures.SSL_FAILED_HANDSHAKE;
  }

  private static String lower(Throwable t) {
    return t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
  }
}
