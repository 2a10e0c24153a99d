package dev.msgprobe.net;

import dev.msgprobe.model.BinaryData;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * Runs a TLS client handshake (JSSE) over an already-connected socket and records it as a
 * {@code tls_handshakes} entry with {@code tls_handshake_start}/{@code tls_handshake_done} events.
 * The SNI is explicit (a name, or none at all); the chain is validated against {@link Trust} with
 * HTTPS endpoint identification, and recorded as presented even when validation fails. Every
 * handshake gets a fresh context, so no session is ever resumed. The timeout bounds each read and
 * the whole handshake.
 */
public final class TlsHandshaker {
  private final Trust trust;
  private final Duration timeout;
  private final int timeoutMillis;

  public TlsHandshaker(Trust trust, Duration timeout) {
    this.trust = trust;
    this.timeout = timeout;
    this.timeoutMillis = Math.toIntExact(Math.max(1, timeout.toMillis()));
  }

  /**
   * Handshakes over {@code connected}, which belongs to the result from then on (closed on failure).
   *
   * @param address {@code ip:port}, as recorded
   * @param sni the server name to send, or null to send no SNI
   * @param verifyName the name the certificate must be valid for: the SNI, or with no SNI the
   *     endpoint's host (an IP literal checks the certificate's IP addresses)
   * @param alpn the protocols offered, e.g. {@code h2, http/1.1}; empty offers none
   */
  public Secured handshake(Socket connected, String address, String sni, String verifyName, List<String> alpn,
      Trace trace, long transactionId, List<String> tags) {
    List<String> entryTags = List.copyOf(tags);
    double t0 = trace.now();
    trace.add(new NetworkEvent(address, null, null, "tls_handshake_start", "tcp", t0, t0, entryTags, transactionId));
    CapturingTrustManager capture = new CapturingTrustManager(trust.trustManager());
    SSLSocket socket = null;
    String failure = null;
    Watchdog watchdog = Watchdog.arm(connected, timeout);
    try (watchdog) {
      connected.setSoTimeout(timeoutMillis);
      socket = (SSLSocket) Trust.contextWith(capture).getSocketFactory()
          .createSocket(connected, verifyName, connected.getPort(), true);
      socket.setSSLParameters(parameters(socket, sni, alpn));
      socket.startHandshake();
    } catch (IOException | IllegalArgumentException e) {
      failure = watchdog.fired() ? Failures.GENERIC_TIMEOUT : FailureTaxonomy.classify(e);
    }
    double t = trace.now();
    // After a failure, what the handshake session showed while the chain was being validated, if it got that far.
    SSLSession session = failure == null ? socket.getSession() : null;
    String cipherSuite = session != null ? session.getCipherSuite() : capture.cipherSuite();
    String version = session != null ? session.getProtocol() : capture.protocol();
    String negotiated = session != null && socket.getApplicationProtocol() != null ? socket.getApplicationProtocol() : "";
    TlsHandshake entry = new TlsHandshake("tcp", address, cipherSuite, failure, negotiated, false,
        der(capture.chain()), sni, t0, t, entryTags, version, transactionId);
    trace.add(entry);
    trace.add(new NetworkEvent(address, failure, null, "tls_handshake_done", "tcp", t0, t, entryTags, transactionId));
    if (failure != null) {
      Sockets.closeQuietly(socket != null ? socket : connected);
      return new Secured(null, entry);
    }
    return new Secured(socket, entry);
  }

  private static SSLParameters parameters(SSLSocket socket, String sni, List<String> alpn) {
    SSLParameters p = socket.getSSLParameters();
    p.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(stripDot(sni))));
    p.setApplicationProtocols(alpn.toArray(String[]::new));
    p.setEndpointIdentificationAlgorithm("HTTPS");
    return p;
  }

  private static String stripDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  static List<BinaryData> der(List<? extends Certificate> chain) {
    List<BinaryData> out = new ArrayList<>();
    for (Certificate c : chain) {
      try {
        out.add(BinaryData.of(c.getEncoded()));
      } catch (CertificateEncodingException e) {
        // a certificate JSSE parsed always re-encodes; one that does not cannot be recorded as DER
      }
    }
    return out;
  }

  /** The outcome: a handshaken socket and the entry recorded, or a null socket when it failed. */
  public record Secured(SSLSocket socket, TlsHandshake handshake) {
    public boolean ok() {
      return socket != null;
    }

    public String failure() {
      return handshake.failure();
    }
  }
}
