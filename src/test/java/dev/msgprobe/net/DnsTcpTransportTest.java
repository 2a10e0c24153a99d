package dev.msgprobe.net;

import static dev.msgprobe.testing.FakeDnsBehaviour.answer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.DnsAnswer;
import dev.msgprobe.model.Failures;
import dev.msgprobe.testing.FakeDnsBehaviour;
import dev.msgprobe.testing.FakeDnsServer;
import dev.msgprobe.testing.FakeDnsZone.Transport;
import dev.msgprobe.testing.LoopbackServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Rcode;

@Timeout(5)
class DnsTcpTransportTest {
  private static final Duration TIMEOUT = Duration.ofMillis(400);

  private final AtomicLong ticks = new AtomicLong();
  private final DoubleSupplier clock = () -> ticks.incrementAndGet();
  private FakeDnsServer server;
  private DnsTcpTransport tcp;

  @BeforeEach
  void start() throws IOException {
    server = FakeDnsServer.start();
    tcp = new DnsTcpTransport(server.address(), TIMEOUT);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answeredName_returnsAddressesOverTcp() {
    server.zone().answer("web.example", "192.0.2.1");

    DnsExchange exchange = tcp.exchange("web.example", DnsQueryType.A, clock);

    assertThat(exchange.failure()).isNull();
    assertThat(exchange.engine()).isEqualTo("tcp");
    assertThat(exchange.resolverAddress()).isEqualTo("127.0.0.1:" + server.address().getPort());
    assertThat(exchange.rcode()).isEqualTo(Rcode.NOERROR);
    assertThat(exchange.answers()).containsExactly(DnsAnswer.a("192.0.2.1", 60));
    assertThat(exchange.rawResponse()).isNotEmpty();
    assertThat(exchange.t()).isGreaterThan(exchange.t0());
    assertThat(server.zone().queries("web.example", Transport.TCP)).isEqualTo(1);
    assertThat(server.zone().queries("web.example", Transport.UDP)).isZero();
  }

  @Test
  void udpAndTcpAnswersDiffer_tcpSeesItsOwn() {
    server.zone()
        .on("split.example", Transport.UDP, FakeDnsBehaviour.nxdomain())
        .on("split.example", Transport.TCP, answer("192.0.2.5"));
    DnsUdpTransport udp = new DnsUdpTransport(server.address(), TIMEOUT, Duration.ofMillis(50));

    assertThat(udp.exchange("split.example", DnsQueryType.A, clock).first().failure()).isEqualTo(Failures.DNS_NXDOMAIN);
    assertThat(tcp.exchange("split.example", DnsQueryType.A, clock).addresses()).containsExactly("192.0.2.5");
  }

  @Test
  void rcodes_mapToOoniFailures() {
    server.zone()
        .on("gone.example", FakeDnsBehaviour.nxdomain())
        .on("empty.example", FakeDnsBehaviour.noAnswer())
        .on("broken.example", FakeDnsBehaviour.servfail())
        .on("denied.example", FakeDnsBehaviour.refused());

    assertThat(tcp.exchange("gone.example", DnsQueryType.A, clock).failure()).isEqualTo(Failures.DNS_NXDOMAIN);
    assertThat(tcp.exchange("empty.example", DnsQueryType.A, clock).failure()).isEqualTo(Failures.DNS_NO_ANSWER);
    assertThat(tcp.exchange("broken.example", DnsQueryType.A, clock).failure()).isEqualTo(Failures.DNS_SERVFAIL);
    assertThat(tcp.exchange("denied.example", DnsQueryType.A, clock).failure()).isEqualTo(Failures.DNS_REFUSED);
  }

  @Test
  void wrongId_isWrongQueryId_withTheReplyKept() {
    server.zone().on("spoofed.example", FakeDnsBehaviour.wrongId("192.0.2.66"));

    DnsExchange exchange = tcp.exchange("spoofed.example", DnsQueryType.A, clock);

    assertThat(exchange.failure()).isEqualTo(Failures.DNS_WRONG_QUERY_ID);
    assertThat(exchange.answers()).isNull();
    assertThat(exchange.rawResponse()).isNotEmpty();
  }

  @Test
  void silence_isGenericTimeout() {
    server.zone().on("dropped.example", FakeDnsBehaviour.silence());

    DnsExchange exchange = tcp.exchange("dropped.example", DnsQueryType.A, clock);

    assertThat(exchange.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
    assertThat(exchange.rawResponse()).isNull();
  }

  @Test
  void resetAfterTheQuery_isConnectionReset() {
    server.zone().on("reset.example", FakeDnsBehaviour.reset());

    assertThat(tcp.exchange("reset.example", DnsQueryType.A, clock).failure()).isEqualTo(Failures.CONNECTION_RESET);
  }

  @Test
  void nothingListening_isConnectionRefused() throws IOException {
    int closedPort = LoopbackServer.closedPort();
    DnsTcpTransport toNowhere = new DnsTcpTransport(new InetSocketAddress("127.0.0.1", closedPort), TIMEOUT);

    assertThat(toNowhere.exchange("web.example", DnsQueryType.A, clock).failure()).isEqualTo(Failures.CONNECTION_REFUSED);
  }
}
