package dev.msgprobe.net;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import tech.kwik.core.QuicClientConnection;
import tech.kwik.core.QuicConnection.QuicVersion;
import tech.kwik.core.log.NullLogger;

/**
 * A QUIC v1 handshake (kwik) with ALPN {@code h3} and an explicit SNI, recorded as a
 * {@code quic_handshakes} entry (OONI's TLS-handshake template with {@code network: "quic"}) between
 * {@code quic_handshake_start}/{@code quic_handshake_done} events. The chain is validated against
 * {@link Trust} and the name by kwik's TLS stack; the chain is recorded as presented, even when
 * rejected. The UDP socket is connected, so an ICMP port unreachable becomes
 * {@code connection_refused} instead of a timeout. Each handshake is a new connection, closed at once.
 */
public final class QuicHandshaker {
  public static final String ALPN_H3 = "h3";
  private static final String QUIC_TLS_VERSION = "TLSv1.3";

  private final Trust trust;
  private final Duration timeout;

  public QuicHandshaker(Trust trust, Duration timeout) {
    this.trust = trust;
    this.timeout = timeout;
  }

  /**
   * Handshakes with {@code ip:port}, sending {@code sni} (also the name the certificate must be valid for).
   */
  public TlsHandshake handshake(String ip, int port, String sni, Trace trace, long transactionId, List<String> tags) {
    List<String> entryTags = List.copyOf(tags);
    String address = IpEndpoint.join(ip, port);
    double t0 = trace.now();
    trace.add(new NetworkEvent(address, null, null, "quic_handshake_start", "quic", t0, t0, entryTags, transactionId));
    Capture capture = new Capture(trust.trustManager());
    RecordingSocket[] socket = new RecordingSocket[1];
    QuicClientConnection connection = null;
    String failure = null;
    List<X509Certificate> chain = List.of();
    try {
      InetSocketAddress server = new InetSocketAddress(IpLiterals.parse(ip), port);
      connection = QuicClientConnection.newBuilder()
          .host(sni).port(port).proxy(ip)
          .version(QuicVersion.V1)
          .applicationProtocol(ALPN_H3)
          .connectTimeout(timeout)
          .customTrustManager(capture)
          .logger(new NullLogger())
          .socketFactory(local -> socket[0] = new RecordingSocket(server))
          .build();
      connection.connect();
      chain = connection.getServerCertificateChain();
    } catch (IOException | RuntimeException e) {
      failure = failureOf(e, capture, socket[0]);
      chain = capture.chain;
    } finally {
      if (connection != null) {
        connection.close();
      }
      if (socket[0] != null) {
        socket[0].close();
      }
    }
    double t = trace.now();
    TlsHandshake entry = new TlsHandshake("quic", address, null, failure, failure == null ? ALPN_H3 : "", false,
        TlsHandshaker.der(chain), sni, t0, t, entryTags, failure == null ? QUIC_TLS_VERSION : null, transactionId);
    trace.addQuic(entry);
    trace.add(new NetworkEvent(address, failure, null, "quic_handshake_done", "quic", t0, t, entryTags, transactionId));
    return entry;
  }

  private static String failureOf(Exception e, Capture capture, RecordingSocket socket) {
    if (capture.error != null) {
      return FailureTaxonomy.classify(capture.error);
    }
    if (socket != null && socket.refused) {
      return Failures.CONNECTION_REFUSED;
    }
    return FailureTaxonomy.classify(e);
  }

  /**
   * Keeps the chain presented and the validation error, which kwik reduces to an alert name. kwik's
   * TLS stack names the key exchange "RSA" whatever the certificate, and the JDK then demands the
   * keyEncipherment key usage, which a correct ECDSA server certificate (digitalSignature only) lacks;
   * QUIC is always TLS 1.3, whose key exchange is not the certificate's, so the chain is checked with
   * the JDK's TLS 1.3 auth type, {@code UNKNOWN}.
   */
  static final class Capture implements X509TrustManager {
    static final String TLS13_AUTH_TYPE = "UNKNOWN";

    private final X509TrustManager delegate;
    volatile List<X509Certificate> chain = List.of();
    volatile CertificateException error;

    Capture(X509TrustManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType) throws CertificateException {
      chain = presented == null ? List.of() : List.of(presented);
      try {
        delegate.checkServerTrusted(presented, TLS13_AUTH_TYPE);
      } catch (CertificateException e) {
        error = e;
        throw e;
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType) throws CertificateException {
      throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }

  /** A UDP socket connected to the server that remembers an ICMP port unreachable (kwik only logs it). */
  private static final class RecordingSocket extends DatagramSocket {
    volatile boolean refused;

    RecordingSocket(InetSocketAddress server) throws SocketException {
      super();
      connect(server);
    }

    @Override
    public synchronized void receive(DatagramPacket p) throws IOException {
      try {
        super.receive(p);
      } catch (PortUnreachableException e) {
        refused = true;
        throw e;
      }
    }

    @Override
    public void send(DatagramPacket p) throws IOException {
      try {
        super.send(p);
      } catch (PortUnreachableException e) {
        refused = true;
        throw e;
      }
    }
  }

}
