package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.BinaryData;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.TestCa;
import dev.msgprobe.testing.TlsFront;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TlsHandshakerTest {
  private static final String HOST = "test.example";
  private static final String BLOCKED = "blocked.example";
  private static final List<String> ALPN = List.of("h2", "http/1.1");
  private static final TestCa CA = new TestCa();
  /** Generous, so a loaded machine cannot time out a test that waits for no timeout. */
  private static TlsHandshaker handshaker;
  /** Short, for the tests that wait for the timeout. */
  private static TlsHandshaker timingOut;

  @BeforeAll
  static void trustTheTestCa(@TempDir Path dir) throws IOException {
    Trust trust = CA.trust(dir);
    handshaker = new TlsHandshaker(trust, Duration.ofSeconds(10));
    timingOut = new TlsHandshaker(trust, Duration.ofMillis(500));
  }

  @Test
  void validHandshake_recordsOoniFieldsAndEvents() throws Exception {
    HeldCertificate leaf = CA.leaf(HOST);
    TlsFront front = new TlsFront(TestCa.serverContext(leaf), Set.of(), List.of("h2"), Handlers.silent());
    try (LoopbackServer server = LoopbackServer.start(front)) {
      Trace trace = new Trace();

      TlsHandshaker.Secured secured = handshake(server, HOST, HOST, trace, List.of("retry"));
      secured.socket().close();

      TlsHandshake h = secured.handshake();
      assertThat(secured.ok()).isTrue();
      assertThat(h.network()).isEqualTo("tcp");
      assertThat(h.address()).isEqualTo("127.0.0.1:" + server.port());
      assertThat(h.failure()).isNull();
      assertThat(h.tlsVersion()).isEqualTo("TLSv1.3");
      assertThat(h.cipherSuite()).startsWith("TLS_");
      assertThat(h.negotiatedProtocol()).isEqualTo("h2");
      assertThat(h.noTlsVerify()).isFalse();
      assertThat(h.serverName()).isEqualTo(HOST);
      assertThat(h.peerCertificates()).extracting(BinaryData::bytes)
          .containsExactly(leaf.certificate().getEncoded());
      assertThat(h.tags()).containsExactly("retry");
      assertThat(h.transactionId()).isEqualTo(3);
      assertThat(front.serverNames()).containsExactly(HOST);
      TestKeys keys = trace.toTestKeys();
      assertThat(keys.tlsHandshakes()).containsExactly(h);
      assertThat(keys.networkEvents()).extracting(NetworkEvent::operation)
          .containsExactly("tls_handshake_start", "tls_handshake_done");
      assertThat(keys.networkEvents()).allSatisfy(e -> assertThat(e.transactionId()).isEqualTo(3));
    }
  }

  @Test
  void noSni_sendsNoServerNameAndValidatesTheHost() throws Exception {
    TlsFront front = TlsFront.plain(TestCa.serverContext(CA.leaf(HOST)));
    try (LoopbackServer server = LoopbackServer.start(front)) {
      TlsHandshaker.Secured secured = handshake(server, null, HOST, new Trace(), List.of("no-sni"));
      secured.socket().close();

      assertThat(secured.failure()).isNull();
      assertThat(secured.handshake().serverName()).isNull();
      assertThat(front.serverNames()).containsExactly(TlsFront.NO_SNI);
    }
  }

  @Test
  void ipLiteral_isValidatedAgainstTheCertificateAddress() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(TlsFront.plain(TestCa.serverContext(CA.leaf(HOST))))) {
      TlsHandshaker.Secured secured = handshake(server, null, "127.0.0.1", new Trace(), List.of());
      secured.socket().close();

      assertThat(secured.failure()).isNull();
    }
  }

  @Test
  void unknownAuthority_failsButRecordsThePresentedChain() throws Exception {
    HeldCertificate leaf = TestCa.untrustedLeaf(HOST);
    try (LoopbackServer server = LoopbackServer.start(TlsFront.plain(TestCa.serverContext(leaf)))) {
      TlsHandshaker.Secured secured = handshake(server, HOST, HOST, new Trace(), List.of());

      assertThat(secured.ok()).isFalse();
      assertThat(secured.failure()).isEqualTo(Failures.SSL_UNKNOWN_AUTHORITY);
      assertThat(secured.handshake().peerCertificates()).extracting(BinaryData::bytes)
          .containsExactly(leaf.certificate().getEncoded());
      assertThat(secured.handshake().tlsVersion()).isEqualTo("TLSv1.3");
    }
  }

  @Test
  void certificateForAnotherName_isInvalidHostnameWithChain() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(TlsFront.plain(TestCa.serverContext(CA.leaf("other.example"))))) {
      TlsHandshaker.Secured secured = handshake(server, HOST, HOST, new Trace(), List.of());

      assertThat(secured.failure()).isEqualTo(Failures.SSL_INVALID_HOSTNAME);
      assertThat(secured.handshake().peerCertificates()).hasSize(1);
    }
  }

  @Test
  void expiredCertificate_isInvalidCertificate() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(TlsFront.plain(TestCa.serverContext(CA.expiredLeaf(HOST))))) {
      assertThat(handshake(server, HOST, HOST, new Trace(), List.of()).failure())
          .isEqualTo(Failures.SSL_INVALID_CERTIFICATE);
    }
  }

  @Test
  void sniFilter_resetsTheFilteredNameOnlyAndTheDecoyValidatesForItsOwnName() throws Exception {
    TlsFront front = new TlsFront(TestCa.serverContext(CA.leaf(HOST)), Set.of(BLOCKED), List.of(), Handlers.silent());
    try (LoopbackServer server = LoopbackServer.start(front)) {
      TlsHandshaker.Secured blocked = handshake(server, BLOCKED, BLOCKED, new Trace(), List.of());
      TlsHandshaker.Secured decoy = handshake(server, HOST, HOST, new Trace(), List.of("decoy-sni"));
      decoy.socket().close();

      assertThat(blocked.failure()).isEqualTo(Failures.CONNECTION_RESET);
      assertThat(blocked.handshake().peerCertificates()).isEmpty();
      assertThat(blocked.handshake().tlsVersion()).isEmpty();
      assertThat(decoy.failure()).isNull();
    }
  }

  @Test
  void silentServer_isGenericTimeout() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.silent())) {
      assertThat(handshake(timingOut, server, HOST, HOST, new Trace(), List.of()).failure())
          .isEqualTo(Failures.GENERIC_TIMEOUT);
    }
  }

  /** The server never finishes its first record, so only a deadline on the whole handshake ends it. */
  @Test
  @Timeout(5)
  void serverTricklingBytes_isCutAtTheTimeout() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.trickleAfterClientHello())) {
      TlsHandshaker.Secured secured = handshake(timingOut, server, HOST, HOST, new Trace(), List.of());

      assertThat(secured.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
    }
  }

  @Test
  void sniThatIsNotAHostName_isRecordedAsUnknownFailure() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.silent())) {
      assertThat(handshake(server, "bad_name.example", HOST, new Trace(), List.of()).failure())
          .startsWith(Failures.UNKNOWN + ":");
    }
  }

  private static TlsHandshaker.Secured handshake(LoopbackServer server, String sni, String verifyName, Trace trace,
      List<String> tags) throws IOException {
    return handshake(handshaker, server, sni, verifyName, trace, tags);
  }

  private static TlsHandshaker.Secured handshake(TlsHandshaker handshaker, LoopbackServer server, String sni,
      String verifyName, Trace trace, List<String> tags) throws IOException {
    Socket tcp = new Socket();
    tcp.connect(new InetSocketAddress(LoopbackServer.IP, server.port()), 5000);
    return handshaker.handshake(tcp, "127.0.0.1:" + server.port(), sni, verifyName, ALPN, trace, 3, tags);
  }
}
