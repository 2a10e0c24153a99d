package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.testing.FakeStunServer.Behaviour;
import dev.msgprobe.testing.FakeStunServer;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.QuicServer;
import dev.msgprobe.testing.TestCa;
import dev.msgprobe.trace.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class QuicHandshakerTest {
  /** Generous: a cold JVM on a loaded machine takes seconds for its first QUIC handshake. */
  private static final Duration TIMEOUT = Duration.ofSeconds(8);
  private static final Duration SHORT = Duration.ofMillis(800);
  private final TestCa ca = new TestCa();
  private QuicHandshaker quic;
  private QuicHandshaker impatient;

  @BeforeEach
  void trust(@TempDir Path dir) throws Exception {
    quic = new QuicHandshaker(ca.trust(dir), TIMEOUT);
    impatient = new QuicHandshaker(ca.trust(dir), SHORT);
  }

  @Test
  void realQuicServer_completesV1HandshakeWithH3AndRecordsTheChain() throws Exception {
    HeldCertificate leaf = ca.leaf("web.example");
    try (QuicServer server = QuicServer.onLoopback(leaf.keyPair().getPrivate(), leaf.certificate(),
        ca.root().certificate())) {
      Trace trace = new Trace();

      TlsHandshake h = quic.handshake("127.0.0.1", server.port(), "web.example", trace, 3, List.of());

      assertThat(h.failure()).isNull();
      assertThat(h.network()).isEqualTo("quic");
      assertThat(h.negotiatedProtocol()).isEqualTo("h3");
      assertThat(h.serverName()).isEqualTo("web.example");
      assertThat(h.tlsVersion()).isEqualTo("TLSv1.3");
      assertThat(h.peerCertificates()).isNotEmpty();
      assertThat(trace.toTestKeys().quicHandshakes()).containsExactly(h);
      assertThat(trace.toTestKeys().tlsHandshakes()).isEmpty();
      assertThat(trace.toTestKeys().networkEvents()).extracting(NetworkEvent::operation)
          .containsExactly("quic_handshake_start", "quic_handshake_done");
    }
  }

  @Test
  void chainCheck_usesTheTls13AuthTypeWhateverKwikNames() throws Exception {
    List<String> authTypes = new java.util.ArrayList<>();
    javax.net.ssl.X509TrustManager recording = new javax.net.ssl.X509TrustManager() {
      @Override
      public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        authTypes.add(authType);
      }

      @Override
      public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

      @Override
      public java.security.cert.X509Certificate[] getAcceptedIssuers() {
        return new java.security.cert.X509Certificate[0];
      }
    };

    new QuicHandshaker.Capture(recording).checkServerTrusted(
        new java.security.cert.X509Certificate[] {ca.leaf("web.example").certificate()}, "RSA");

    assertThat(authTypes).containsExactly("UNKNOWN");
  }

  @Test
  void untrustedCertificate_isUnknownAuthorityWithTheChainStillRecorded() throws Exception {
    HeldCertificate leaf = TestCa.untrustedLeaf("web.example");
    try (QuicServer server = QuicServer.onLoopback(leaf.keyPair().getPrivate(), leaf.certificate())) {
      TlsHandshake h = quic.handshake("127.0.0.1", server.port(), "web.example", new Trace(), 1, List.of());

      assertThat(h.failure()).isEqualTo(Failures.SSL_UNKNOWN_AUTHORITY);
      assertThat(h.peerCertificates()).hasSize(1);
    }
  }

  @Test
  void decoyNameNotOnTheCertificate_isInvalidHostname() throws Exception {
    HeldCertificate leaf = ca.leaf("web.example");
    try (QuicServer server = QuicServer.onLoopback(leaf.keyPair().getPrivate(), leaf.certificate(),
        ca.root().certificate())) {
      TlsHandshake h = quic.handshake("127.0.0.1", server.port(), "decoy.example", new Trace(), 1, List.of());

      assertThat(h.failure()).isEqualTo(Failures.SSL_INVALID_HOSTNAME);
    }
  }

  @Test
  void silentUdpPort_isGenericTimeout() throws Exception {
    try (FakeStunServer silent = FakeStunServer.start(Behaviour.SILENT)) {
      TlsHandshake h = impatient.handshake("127.0.0.1", silent.address().getPort(), "web.example", new Trace(), 1,
          List.of("decoy-sni"));

      assertThat(h.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
      assertThat(h.tags()).containsExactly("decoy-sni");
      assertThat(h.negotiatedProtocol()).isEmpty();
    }
  }

  @Test
  void closedUdpPort_isConnectionRefused() throws Exception {
    int port = LoopbackServer.closedUdpPort();

    TlsHandshake h = impatient.handshake("127.0.0.1", port, "web.example", new Trace(), 1, List.of());

    assertThat(h.failure()).isEqualTo(Failures.CONNECTION_REFUSED);
  }
}
