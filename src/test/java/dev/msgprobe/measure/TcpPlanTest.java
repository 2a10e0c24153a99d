package dev.msgprobe.measure;

import static dev.msgprobe.measure.MeasurerFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.TestEndpoints;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpPlanTest {
  private final MeasurerFixture fixture = new MeasurerFixture();

  @Test
  void refusedConnect_isRetriedOnceAfterTheDelay() throws Exception {
    int port = LoopbackServer.closedPort();
    fixture.resolver.answer(HOST, "127.0.0.1");

    TestKeys keys = fixture.measure(TestEndpoints.of("tcp://" + HOST + ":" + port));

    assertThat(keys.queries()).hasSize(1);
    assertThat(keys.tcpConnect()).extracting(TcpConnect::failure)
        .containsExactly(Failures.CONNECTION_REFUSED, Failures.CONNECTION_REFUSED);
    assertThat(keys.tcpConnect()).extracting(TcpConnect::tags).containsExactly(List.of(), List.of("retry"));
    assertThat(keys.tcpConnect().get(0).transactionId()).isNotEqualTo(keys.tcpConnect().get(1).transactionId());
    assertThat(fixture.pauses).containsExactly(MeasurerFixture.RETRY_DELAY);
    assertThat(keys.tlsHandshakes()).isEmpty();
    assertThat(keys.verdict()).isNull();
  }

  @Test
  void openPort_endsTheTcpPlanAfterOneConnect() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.silent())) {
      fixture.resolver.answer(HOST, "127.0.0.1");

      TestKeys keys = fixture.measure(TestEndpoints.of("tcp://" + HOST + ":" + server.port()));

      assertThat(keys.tcpConnect()).singleElement().satisfies(c -> assertThat(c.status().success()).isTrue());
      assertThat(keys.tlsHandshakes()).isEmpty();
      assertThat(fixture.pauses).isEmpty();
    }
  }

  @Test
  void everyAddressIsConnectedToButNoMoreThanTwo() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.silent())) {
      fixture.resolver.answer(HOST, "127.0.0.1", "127.0.0.2", "127.0.0.3");

      TestKeys keys = fixture.measure(TestEndpoints.of("tcp://" + HOST + ":" + server.port()));

      assertThat(keys.tcpConnect()).extracting(TcpConnect::ip).containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.2");
      assertThat(keys.tcpConnect()).extracting(TcpConnect::failure)
          .containsExactly(null, Failures.CONNECTION_REFUSED, Failures.CONNECTION_REFUSED);
    }
  }

  @Test
  void ipLiteralHost_skipsDns() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.silent())) {
      TestKeys keys = fixture.measure(TestEndpoints.of("tcp://127.0.0.1:" + server.port()));

      assertThat(fixture.resolver.asked()).isEmpty();
      assertThat(keys.queries()).isEmpty();
      assertThat(keys.tcpConnect()).hasSize(1);
    }
  }

  @Test
  void nameWithoutAnyAddress_endsAfterDns() {
    TestKeys keys = fixture.measure(TestEndpoints.of("tcp://" + HOST + ":5222"));

    assertThat(keys.queries()).singleElement().satisfies(q -> assertThat(q.failure()).isEqualTo(Failures.DNS_NXDOMAIN));
    assertThat(keys.tcpConnect()).isEmpty();
  }

  @Test
  void dnsScheme_onlyAsksTheResolver() {
    fixture.resolver.answer(HOST, "127.0.0.1");

    TestKeys keys = fixture.measure(TestEndpoints.of("dns://" + HOST));

    assertThat(fixture.resolver.asked()).containsExactly(HOST);
    assertThat(keys.queries()).hasSize(1);
    assertThat(keys.tcpConnect()).isEmpty();
    assertThat(keys.networkEvents()).isEmpty();
  }

  @Test
  void unknownScheme_isRejected() {
    assertThatThrownBy(() -> fixture.measure(TestEndpoints.of("sctp://" + HOST + ":443")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sctp");
  }

  @Test
  void interruptDuringTheRetryDelay_endsTheMeasurementAfterTheFirstAttemptsAndKeepsTheFlag() throws Exception {
    fixture.sleeper = d -> {
      throw new InterruptedException();
    };
    fixture.resolver.answer(HOST, "127.0.0.1", "127.0.0.2");
    try {
      TestKeys keys = fixture.measure(TestEndpoints.of("tcp://" + HOST + ":" + LoopbackServer.closedPort()));

      assertThat(keys.tcpConnect()).extracting(TcpConnect::ip).containsExactly("127.0.0.1", "127.0.0.2");
      assertThat(keys.tcpConnect()).allSatisfy(c -> assertThat(c.tags()).isEmpty());
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
