package dev.msgprobe.measure;

import static dev.msgprobe.measure.MeasurerFixture.CA;
import static dev.msgprobe.measure.MeasurerFixture.DECOY;
import static dev.msgprobe.measure.MeasurerFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.testing.FakeStunServer;
import dev.msgprobe.testing.FakeStunServer.Behaviour;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.QuicServer;
import dev.msgprobe.testing.TestCa;
import dev.msgprobe.testing.TestEndpoints;
import dev.msgprobe.testing.TlsFront;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class UdpPlansTest {
  private final MeasurerFixture fixture = new MeasurerFixture();

  @Test
  void quicServerAnswering_isOneHandshakeAndNoDifferentials() throws Exception {
    HeldCertificate leaf = CA.leaf(HOST);
    fixture.timeout = Duration.ofSeconds(8);
    try (QuicServer server = QuicServer.onLoopback(leaf.keyPair().getPrivate(), leaf.certificate(),
        CA.root().certificate())) {
      fixture.resolver.answer(HOST, "127.0.0.1");

      TestKeys keys = fixture.measure(TestEndpoints.of("quic://" + HOST + ":" + server.port()));

      assertThat(keys.quicHandshakes()).singleElement().satisfies(h -> {
        assertThat(h.failure()).isNull();
        assertThat(h.serverName()).isEqualTo(HOST);
        assertThat(h.address()).isEqualTo("127.0.0.1:" + server.port());
      });
      assertThat(keys.tlsHandshakes()).isEmpty();
      assertThat(keys.queries()).isNotEmpty();
    }
  }

  @Test
  void quicDroppedWhileTcpTlsWorks_recordsRetryTcpTlsAndDecoyOnTheSameAddress() throws Exception {
    try (LoopbackServer tcp = LoopbackServer.start(TlsFront.plain(TestCa.serverContext(CA.leaf(HOST))));
        DatagramSocket silentUdp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
            tcp.port()))) {
      fixture.timeout = Duration.ofSeconds(3);
      fixture.resolver.answer(HOST, "127.0.0.1");

      TestKeys keys = fixture.measure(TestEndpoints.of("quic://" + HOST + ":" + tcp.port()));

      assertThat(keys.quicHandshakes()).extracting(TlsHandshake::failure).containsOnly(Failures.GENERIC_TIMEOUT);
      assertThat(keys.quicHandshakes()).extracting(TlsHandshake::tags)
          .containsExactly(List.of(), List.of(Tags.RETRY), List.of(Tags.DECOY_SNI));
      assertThat(keys.quicHandshakes()).extracting(TlsHandshake::serverName).containsExactly(HOST, HOST, DECOY);
      assertThat(keys.tlsHandshakes()).singleElement().satisfies(h -> {
        assertThat(h.failure()).isNull();
        assertThat(h.tags()).containsExactly(Tags.TCP_TLS);
      });
      assertThat(fixture.pauses).hasSize(1);
    }
  }

  @Test
  void stunServerAnswering_setsStunreachabilityKeysAndRecordsBothSizes() throws Exception {
    try (FakeStunServer server = FakeStunServer.start(Behaviour.ANSWER)) {
      String endpoint = "127.0.0.1:" + server.address().getPort();

      TestKeys keys = fixture.measure(TestEndpoints.of("stun://" + endpoint));

      assertThat(keys.endpoint()).isEqualTo(endpoint);
      assertThat(keys.failure()).isNull();
      assertThat(keys.queries()).isEmpty();
      assertThat(keys.networkEvents()).filteredOn(e -> e.hasTag(Tags.LARGE_DATAGRAM))
          .extracting(NetworkEvent::operation).containsExactly("write", "read");
      assertThat(keys.networkEvents()).filteredOn(e -> !e.hasTag(Tags.LARGE_DATAGRAM))
          .extracting(NetworkEvent::operation).containsExactly("write", "read");
      assertThat(server.largest()).isGreaterThan(1001);
    }
  }

  @Test
  void silentStunServer_isATimeoutAfterTheScaledSchedule() throws Exception {
    try (FakeStunServer server = FakeStunServer.start(Behaviour.SILENT)) {
      TestKeys keys = fixture.measure(TestEndpoints.of("stun://127.0.0.1:" + server.address().getPort()));

      assertThat(keys.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
      assertThat(keys.networkEvents()).filteredOn(e -> !e.hasTag(Tags.LARGE_DATAGRAM))
          .extracting(NetworkEvent::operation).containsOnly("write").hasSize(7);
    }
  }

  @Test
  void stunSchedule_fitsTwoTimeoutsAndKeepsTheRfcCounts() {
    assertThat(UdpSteps.scheduleFor(Duration.ofSeconds(6)).giveUpAfter()).isCloseTo(12.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(UdpSteps.scheduleFor(Duration.ofSeconds(60)).rto()).isEqualTo(Duration.ofMillis(500));
    assertThat(UdpSteps.scheduleFor(Duration.ofSeconds(6)).rc()).isEqualTo(7);
  }
}
