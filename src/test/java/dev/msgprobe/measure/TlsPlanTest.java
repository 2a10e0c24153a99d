package dev.msgprobe.measure;

import static dev.msgprobe.measure.MeasurerFixture.CA;
import static dev.msgprobe.measure.MeasurerFixture.DECOY;
import static dev.msgprobe.measure.MeasurerFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.TestCa;
import dev.msgprobe.testing.TestEndpoints;
import dev.msgprobe.testing.TlsFront;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class TlsPlanTest {
  private final MeasurerFixture fixture = new MeasurerFixture();

  @Test
  void validHandshake_isTheOnlyHandshake() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(TlsFront.plain(TestCa.serverContext(CA.leaf(HOST))))) {
      fixture.resolver.answer(HOST, "127.0.0.1");

      TestKeys keys = fixture.measure(TestEndpoints.of("tls://" + HOST + ":" + server.port()));

      assertThat(keys.tlsHandshakes()).singleElement().satisfies(h -> {
        assertThat(h.failure()).isNull();
        assertThat(h.serverName()).isEqualTo(HOST);
        assertThat(h.tags()).isEmpty();
        assertThat(h.transactionId()).isEqualTo(keys.tcpConnect().get(0).transactionId());
      });
      assertThat(fixture.pauses).isEmpty();
    }
  }

  @Test
  void sniReset_mainAndRetryAreResetWhileDecoyAndNoSniComplete() throws Exception {
    TlsFront front = new TlsFront(TestCa.serverContext(CA.leaf(HOST, DECOY)), Set.of(HOST), List.of(),
        Handlers.silent());
    try (LoopbackServer server = LoopbackServer.start(front)) {
      fixture.resolver.answer(HOST, "127.0.0.1");

      TestKeys keys = fixture.measure(TestEndpoints.of("tls://" + HOST + ":" + server.port()));

      assertThat(keys.tlsHandshakes()).extracting(TlsHandshake::tags)
          .containsExactly(List.of(), List.of("retry"), List.of("decoy-sni"), List.of("no-sni"));
      assertThat(keys.tlsHandshakes()).extracting(TlsHandshake::failure)
          .containsExactly(Failures.CONNECTION_RESET, Failures.CONNECTION_RESET, null, null);
      assertThat(keys.tlsHandshakes()).extracting(TlsHandshake::serverName)
          .containsExactly(HOST, HOST, DECOY, null);
      assertThat(front.serverNames()).startsWith(HOST).containsExactlyInAnyOrder(HOST, HOST, DECOY, TlsFront.NO_SNI);
      assertThat(keys.tcpConnect()).extracting(TcpConnect::tags)
          .containsExactly(List.of(), List.of("retry"), List.of("decoy-sni"), List.of("no-sni"));
      assertThat(fixture.pauses).hasSize(1);
    }
  }

  @Test
  void silentServer_timesOutEveryHandshakeWithTheDifferentialsRunTogether() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.silent())) {
      fixture.resolver.answer(HOST, "127.0.0.1");

      TestKeys keys = fixture.measure(TestEndpoints.of("tls://" + HOST + ":" + server.port()));

      List<TlsHandshake> handshakes = keys.tlsHandshakes();
      assertThat(handshakes).extracting(TlsHandshake::failure).containsOnly(Failures.GENERIC_TIMEOUT).hasSize(4);
      assertThat(handshakes).extracting(TlsHandshake::tags)
          .containsExactly(List.of(), List.of("retry"), List.of("decoy-sni"), List.of("no-sni"));
      assertThat(handshakes).extracting(TlsHandshake::transactionId).isSorted().doesNotHaveDuplicates();
      List<TlsHandshake> differentials = handshakes.subList(1, 4);
      double lastStart = differentials.stream().mapToDouble(TlsHandshake::t0).max().orElseThrow();
      double firstEnd = differentials.stream().mapToDouble(TlsHandshake::t).min().orElseThrow();
      assertThat(lastStart).as("every differential started before any ended").isLessThan(firstEnd);
      assertThat(differentials).allSatisfy(h -> assertThat(h.t0()).isGreaterThanOrEqualTo(handshakes.get(0).t()));
    }
  }

  @Test
  void certificateProblems_areRecordedWithTheirChainAndDifferentials() throws Exception {
    assertMainFailure(TestCa.untrustedLeaf(HOST), Failures.SSL_UNKNOWN_AUTHORITY);
    assertMainFailure(CA.leaf("other.example"), Failures.SSL_INVALID_HOSTNAME);
    assertMainFailure(CA.expiredLeaf(HOST), Failures.SSL_INVALID_CERTIFICATE);
  }

  @Test
  void ipLiteralEndpoint_sendsNoSniAndSkipsTheNoSniDifferential() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.closeAfterClientHello())) {
      TestKeys keys = fixture.measure(TestEndpoints.of("tls://127.0.0.1:" + server.port()));

      assertThat(keys.tlsHandshakes()).extracting(TlsHandshake::tags)
          .containsExactly(List.of(), List.of("retry"), List.of("decoy-sni"));
      assertThat(keys.tlsHandshakes().get(0).serverName()).isNull();
      assertThat(keys.tlsHandshakes().get(0).failure()).isEqualTo(Failures.EOF);
    }
  }

  @Test
  void unusableSystemAnswer_fallsBackToTheTrustedAddressTaggedAsSuch() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.closeAfterClientHello())) {
      fixture.resolver.answer(HOST, new Resolution(List.of("0.0.0.0"), List.of(), List.of("127.0.0.1")));

      TestKeys keys = fixture.measure(TestEndpoints.of("tls://" + HOST + ":" + server.port()));

      assertThat(keys.tcpConnect()).extracting(TcpConnect::ip).containsOnly("127.0.0.1");
      assertThat(keys.tcpConnect()).allSatisfy(c -> assertThat(c.tags()).contains("trusted-address"));
      assertThat(keys.tlsHandshakes()).extracting(TlsHandshake::tags).containsExactly(
          List.of("trusted-address"), List.of("trusted-address", "retry"), List.of("trusted-address", "decoy-sni"),
          List.of("trusted-address", "no-sni"));
    }
  }

  @Test
  void systemAddressDohDidNotReturn_getsOneValidateHandshakeFirst() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(TlsFront.plain(TestCa.serverContext(CA.leaf(HOST))))) {
      fixture.validatePort = server.port();
      fixture.resolver.answer(HOST,
          new Resolution(List.of("127.0.0.1"), List.of("127.0.0.1"), List.of("127.0.0.9")));

      TestKeys keys = fixture.measure(TestEndpoints.of("tcp://" + HOST + ":" + server.port()));

      assertThat(keys.tcpConnect()).extracting(TcpConnect::tags).containsExactly(List.of("validate"), List.of());
      assertThat(keys.tlsHandshakes()).singleElement().satisfies(h -> {
        assertThat(h.tags()).containsExactly("validate");
        assertThat(h.serverName()).isEqualTo(HOST);
        assertThat(h.failure()).isNull();
        assertThat(h.address()).isEqualTo("127.0.0.1:" + server.port());
      });
    }
  }

  @Test
  void validateHandshake_runsWhileTheMainPathConnectsAndIsRecordedFirst() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.silent())) {
      fixture.validatePort = server.port();
      fixture.resolver.answer(HOST,
          new Resolution(List.of("127.0.0.1"), List.of("127.0.0.1"), List.of("127.0.0.9")));

      TestKeys keys = fixture.measure(TestEndpoints.of("tls://" + HOST + ":" + server.port()));

      assertThat(keys.tcpConnect()).extracting(TcpConnect::tags).containsExactly(List.of("validate"), List.of(),
          List.of("retry"), List.of("decoy-sni"), List.of("no-sni"));
      assertThat(keys.tcpConnect()).extracting(TcpConnect::transactionId).isSorted().doesNotHaveDuplicates();
      TlsHandshake validate = keys.tlsHandshakes().get(0);
      TlsHandshake main = keys.tlsHandshakes().get(1);
      assertThat(validate.tags()).containsExactly("validate");
      assertThat(validate.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
      assertThat(main.tags()).isEmpty();
      assertThat(main.t0()).as("the main handshake started before the validate one ended").isLessThan(validate.t());
    }
  }

  private void assertMainFailure(HeldCertificate leaf, String failure) throws Exception {
    try (LoopbackServer server = LoopbackServer.start(TlsFront.plain(TestCa.serverContext(leaf)))) {
      MeasurerFixture f = new MeasurerFixture();
      f.resolver.answer(HOST, "127.0.0.1");

      TestKeys keys = f.measure(TestEndpoints.of("tls://" + HOST + ":" + server.port()));

      TlsHandshake main = keys.tlsHandshakes().get(0);
      assertThat(main.failure()).as(Arrays.toString(leaf.certificate().getSubjectAlternativeNames().toArray()))
          .isEqualTo(failure);
      assertThat(main.peerCertificates()).hasSize(1);
      assertThat(keys.tlsHandshakes()).extracting(TlsHandshake::tags)
          .containsExactly(List.of(), List.of("retry"), List.of("decoy-sni"), List.of("no-sni"));
    }
  }
}
