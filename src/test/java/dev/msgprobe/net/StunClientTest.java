package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.testing.FakeStunServer.Behaviour;
import dev.msgprobe.testing.FakeStunServer;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StunClientTest {
  private static final StunSchedule FAST = new StunSchedule(Duration.ofMillis(20), 3, 2);

  @Test
  void answeringServer_returnsMappedAddressAndRecordsOneWriteAndOneRead() throws IOException {
    try (FakeStunServer server = FakeStunServer.start(Behaviour.ANSWER)) {
      Trace trace = new Trace();

      StunOutcome outcome = new StunClient(FAST).bind(server.address(), 0, trace, 7, List.of("control"));

      assertThat(outcome.failure()).isNull();
      assertThat(outcome.answered()).isTrue();
      assertThat(outcome.reply().mapped().getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
      assertThat(outcome.transmissions()).isEqualTo(1);
      List<NetworkEvent> events = trace.toTestKeys().networkEvents();
      assertThat(events).extracting(NetworkEvent::operation).containsExactly("write", "read");
      assertThat(events).allSatisfy(e -> {
        assertThat(e.proto()).isEqualTo("udp");
        assertThat(e.address()).isEqualTo("127.0.0.1:" + server.address().getPort());
        assertThat(e.transactionId()).isEqualTo(7);
        assertThat(e.tags()).containsExactly("control");
        assertThat(e.failure()).isNull();
      });
      assertThat(events.get(0).numBytes()).isEqualTo(28L);
    }
  }

  @Test
  void paddedRequest_reachesTheServerLargerThan1001Bytes() throws IOException {
    try (FakeStunServer server = FakeStunServer.start(Behaviour.ANSWER)) {
      StunOutcome outcome = new StunClient(FAST).bind(server.address(), 1100, new Trace(), 1, List.of());

      assertThat(outcome.answered()).isTrue();
      assertThat(outcome.requestBytes()).isGreaterThanOrEqualTo(1100);
      assertThat(server.largest()).isEqualTo(outcome.requestBytes());
    }
  }

  @Test
  void silentServer_timesOutAfterEveryRetransmission() throws IOException {
    try (FakeStunServer server = FakeStunServer.start(Behaviour.SILENT)) {
      Trace trace = new Trace();

      StunOutcome outcome = new StunClient(FAST).bind(server.address(), 0, trace, 1, List.of());

      assertThat(outcome.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
      assertThat(outcome.transmissions()).isEqualTo(3);
      assertThat(trace.toTestKeys().networkEvents()).extracting(NetworkEvent::operation)
          .containsExactly("write", "write", "write");
    }
  }

  @Test
  void garbageAnsweringServer_isMalformedNotAnswered() throws IOException {
    try (FakeStunServer server = FakeStunServer.start(Behaviour.GARBAGE)) {
      Trace trace = new Trace();

      StunOutcome outcome = new StunClient(FAST).bind(server.address(), 0, trace, 1, List.of());

      assertThat(outcome.answered()).isFalse();
      assertThat(outcome.failure()).isEqualTo(StunClient.MALFORMED);
      assertThat(trace.toTestKeys().networkEvents()).extracting(NetworkEvent::operation).contains("read");
    }
  }

  @Test
  void closedPort_isConnectionRefused() throws IOException {
    InetSocketAddress closed = new InetSocketAddress(LoopbackServer.IP, LoopbackServer.closedUdpPort());

    StunOutcome outcome = new StunClient(FAST).bind(closed, 0, new Trace(), 1, List.of());

    assertThat(outcome.failure()).isEqualTo(Failures.CONNECTION_REFUSED);
  }

  @Test
  void rfcScheduleInVirtualTime_sendsAt0To31point5sAndGivesUpAt39point5s() {
    AtomicLong nanos = new AtomicLong();
    List<Double> sendTimes = new ArrayList<>();
    Trace trace = new Trace(nanos::get);
    StunClient.Link silent = new StunClient.Link() {
      @Override
      public void send(byte[] datagram) {
        sendTimes.add(trace.now());
      }

      @Override
      public byte[] receive(long waitNanos) {
        nanos.addAndGet(waitNanos);
        return null;
      }

      @Override
      public void close() {}
    };
    StunClient client = new StunClient(StunSchedule.RFC_8489, server -> silent, new Random(1));

    StunOutcome outcome = client.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 3478), 0, trace, 1,
        List.of());

    assertThat(sendTimes).containsExactly(0.0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5);
    assertThat(outcome.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
    assertThat(outcome.t()).isEqualTo(39.5);
  }

  @Test
  void icmpErrorWhileWaiting_endsTheTransactionAtOnce() {
    AtomicLong nanos = new AtomicLong();
    Trace trace = new Trace(nanos::get);
    StunClient.Link refusing = new StunClient.Link() {
      @Override
      public void send(byte[] datagram) {}

      @Override
      public byte[] receive(long waitNanos) throws PortUnreachableException {
        nanos.addAndGet(1_000_000);
        throw new PortUnreachableException();
      }

      @Override
      public void close() {}
    };

    StunOutcome outcome = new StunClient(StunSchedule.RFC_8489, server -> refusing, new Random(1))
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 3478), 0, trace, 1, List.of());

    assertThat(outcome.failure()).isEqualTo(Failures.CONNECTION_REFUSED);
    assertThat(outcome.transmissions()).isEqualTo(1);
    assertThat(trace.toTestKeys().networkEvents()).extracting(NetworkEvent::operation, NetworkEvent::failure)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("write", null),
            org.assertj.core.groups.Tuple.tuple("read", Failures.CONNECTION_REFUSED));
  }
}
