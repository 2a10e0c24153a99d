package dev.msgprobe.net;

import static dev.msgprobe.testing.FakeDnsBehaviour.answer;
import static dev.msgprobe.testing.FakeDnsBehaviour.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.msgprobe.model.DnsAnswer;
import dev.msgprobe.model.Failures;
import dev.msgprobe.testing.FakeDnsBehaviour;
import dev.msgprobe.testing.FakeDnsReply;
import dev.msgprobe.testing.FakeDnsServer;
import dev.msgprobe.testing.FakeDnsZone.Transport;
import dev.msgprobe.testing.LoopbackServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

@Timeout(5)
class DnsUdpTransportTest {
  private static final Duration TIMEOUT = Duration.ofMillis(400);
  private static final Duration GRACE = Duration.ofMillis(250);

  private final AtomicLong ticks = new AtomicLong();
  /** A clock that moves one second per reading, so t0 < t is checkable without sleeping. */
  private final DoubleSupplier clock = () -> ticks.incrementAndGet();
  private FakeDnsServer server;
  private DnsUdpTransport udp;

  @BeforeEach
  void start() throws IOException {
    server = FakeDnsServer.start();
    udp = new DnsUdpTransport(server.address(), TIMEOUT, GRACE);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answeredName_returnsAddressesRcodeAndRawReply() throws IOException {
    server.zone().answer("web.example", "192.0.2.1", "198.51.100.7");

    DnsUdpReplies replies = udp.exchange("web.example", DnsQueryType.A, clock);

    DnsExchange first = replies.first();
    assertThat(first.failure()).isNull();
    assertThat(first.engine()).isEqualTo("udp");
    assertThat(first.resolverAddress()).isEqualTo("127.0.0.1:" + server.address().getPort());
    assertThat(first.hostname()).isEqualTo("web.example");
    assertThat(first.queryType()).isEqualTo(DnsQueryType.A);
    assertThat(first.rcode()).isEqualTo(Rcode.NOERROR);
    assertThat(first.answers()).containsExactly(DnsAnswer.a("192.0.2.1", 60), DnsAnswer.a("198.51.100.7", 60));
    assertThat(new Message(first.rawResponse()).getHeader().getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(first.t()).isGreaterThan(first.t0());
    assertThat(replies.late()).isEmpty();
    assertThat(server.zone().queries("web.example", Transport.UDP)).isEqualTo(1);
  }

  @Test
  void cnameChain_isRecordedInWireOrder() {
    server.zone().on("alias.example", FakeDnsBehaviour.cname("edge.cdn.test", "203.0.113.9"));

    DnsExchange first = udp.exchange("alias.example.", DnsQueryType.A, clock).first();

    assertThat(first.hostname()).isEqualTo("alias.example");
    assertThat(first.answers()).containsExactly(DnsAnswer.cname("edge.cdn.test.", 60), DnsAnswer.a("203.0.113.9", 60));
    assertThat(first.addresses()).containsExactly("203.0.113.9");
  }

  @Test
  void aaaaAnswer_isCompressedIpv6Text() {
    server.zone().answer("v6.example", "2001:db8:0:0:0:0:0:1");

    DnsExchange first = udp.exchange("v6.example", DnsQueryType.AAAA, clock).first();

    assertThat(first.answers()).containsExactly(DnsAnswer.aaaa("2001:db8::1", 60));
  }

  @Test
  void nxdomain_isDnsNxdomainError_withRcodeAndRawKept() {
    server.zone().on("gone.example", FakeDnsBehaviour.nxdomain());

    DnsExchange first = udp.exchange("gone.example", DnsQueryType.A, clock).first();

    assertThat(first.failure()).isEqualTo(Failures.DNS_NXDOMAIN);
    assertThat(first.rcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(first.answers()).isNull();
    assertThat(first.rawResponse()).isNotEmpty();
  }

  @Test
  void noerrorWithoutRecordsOfTheType_isDnsNoAnswer() {
    server.zone().on("empty.example", FakeDnsBehaviour.noAnswer());
    server.zone().answer("v4only.example", "192.0.2.1");

    assertThat(udp.exchange("empty.example", DnsQueryType.A, clock).first().failure()).isEqualTo(Failures.DNS_NO_ANSWER);
    assertThat(udp.exchange("v4only.example", DnsQueryType.AAAA, clock).first().failure()).isEqualTo(Failures.DNS_NO_ANSWER);
  }

  @Test
  void servfailAndRefused_mapToTheirFailures() {
    server.zone().on("broken.example", FakeDnsBehaviour.servfail());
    server.zone().on("denied.example", FakeDnsBehaviour.refused());
    server.zone().on("odd.example", FakeDnsBehaviour.rcode(Rcode.NOTIMP));

    assertThat(udp.exchange("broken.example", DnsQueryType.A, clock).first().failure()).isEqualTo(Failures.DNS_SERVFAIL);
    assertThat(udp.exchange("denied.example", DnsQueryType.A, clock).first().failure()).isEqualTo(Failures.DNS_REFUSED);
    assertThat(udp.exchange("odd.example", DnsQueryType.A, clock).first().failure())
        .isEqualTo(Failures.DNS_SERVER_MISBEHAVING);
  }

  @Test
  void silence_isGenericTimeout() {
    server.zone().on("dropped.example", FakeDnsBehaviour.silence());

    DnsExchange first = udp.exchange("dropped.example", DnsQueryType.A, clock).first();

    assertThat(first.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
    assertThat(first.rcode()).isNull();
    assertThat(first.rawResponse()).isNull();
  }

  @Test
  void onlyWrongIdReplies_isWrongQueryId() {
    server.zone().on("spoofed.example", FakeDnsBehaviour.wrongId("192.0.2.66"));

    assertThat(udp.exchange("spoofed.example", DnsQueryType.A, clock).first().failure())
        .isEqualTo(Failures.DNS_WRONG_QUERY_ID);
  }

  @Test
  void wrongIdThenRealReply_returnsTheRealOne() {
    server.zone().on("busy.example",
        race(FakeDnsBehaviour.wrongId("192.0.2.66"), Duration.ofMillis(30), answer("192.0.2.1")));

    DnsUdpReplies replies = udp.exchange("busy.example", DnsQueryType.A, clock);

    assertThat(replies.first().addresses()).containsExactly("192.0.2.1");
    assertThat(replies.late()).isEmpty();
  }

  @Test
  void unparsableReply_isServerMisbehaving() {
    server.zone().on("garbled.example", FakeDnsBehaviour.garbage());

    assertThat(udp.exchange("garbled.example", DnsQueryType.A, clock).first().failure())
        .isEqualTo(Failures.DNS_SERVER_MISBEHAVING);
  }

  @Test
  void forgedReplyFirst_realReplyIsKeptAsLate() {
    server.zone().on("blocked.example", race(answer("10.10.34.34"), Duration.ofMillis(80), answer("192.0.2.1")));

    DnsUdpReplies replies = udp.exchange("blocked.example", DnsQueryType.A, clock);

    assertThat(replies.first().addresses()).containsExactly("10.10.34.34");
    assertThat(replies.late()).singleElement().satisfies(late -> {
      assertThat(late.addresses()).containsExactly("192.0.2.1");
      assertThat(late.t0()).isEqualTo(replies.first().t0());
      assertThat(late.t()).isGreaterThan(replies.first().t());
      assertThat(late.rawResponse()).isNotEqualTo(replies.first().rawResponse());
    });
  }

  @Test
  void floodOfLateReplies_keepsOnlyTheCap() {
    FakeDnsBehaviour one = answer("192.0.2.1");
    server.zone().on("flood.example", query -> {
      List<FakeDnsReply> replies = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        replies.addAll(one.replies(query));
      }
      return replies;
    });

    DnsUdpReplies replies = udp.exchange("flood.example", DnsQueryType.A, clock);

    assertThat(replies.first().addresses()).containsExactly("192.0.2.1");
    assertThat(replies.late()).hasSize(DnsUdpTransport.MAX_LATE_REPLIES);
  }

  @Test
  void replyAfterTheGrace_isNotCollected_evenBeforeTheTimeout() {
    server.zone().on("slow-real.example", race(answer("10.10.34.34"), GRACE.plus(Duration.ofMillis(300)),
        answer("192.0.2.1")));
    DnsUdpTransport patient = new DnsUdpTransport(server.address(), Duration.ofSeconds(3), GRACE);

    DnsUdpReplies replies = patient.exchange("slow-real.example", DnsQueryType.A, clock);

    assertThat(replies.first().addresses()).containsExactly("10.10.34.34");
    assertThat(replies.late()).isEmpty();
  }

  @Test
  void nothingListening_isConnectionRefused() throws IOException {
    int closedPort = LoopbackServer.closedUdpPort();
    DnsUdpTransport toNowhere = new DnsUdpTransport(new InetSocketAddress("127.0.0.1", closedPort), TIMEOUT, GRACE);

    assertThat(toNowhere.exchange("web.example", DnsQueryType.A, clock).first().failure())
        .isEqualTo(Failures.CONNECTION_REFUSED);
  }

  @Test
  void resolverGivenByName_isRejected() {
    assertThatThrownBy(() -> new DnsUdpTransport(InetSocketAddress.createUnresolved("dns.example", 53), TIMEOUT, GRACE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void interruptedCaller_isInterrupted() {
    server.zone().on("dropped.example", FakeDnsBehaviour.silence());
    Thread.currentThread().interrupt();
    try {
      assertThat(udp.exchange("dropped.example", DnsQueryType.A, clock).first().failure())
          .isEqualTo(Failures.INTERRUPTED);
    } finally {
      Thread.interrupted();
    }
  }
}
