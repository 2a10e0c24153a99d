package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.trace.Trace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpDialerTest {
  private final TcpDialer dialer = new TcpDialer(Duration.ofMillis(500));

  @Test
  void connectToListener_recordsSuccessAndConnectEvent() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(Handlers.silent())) {
      Trace trace = new Trace();
      TcpDialer.Dialed dialed = dialer.dial("127.0.0.1", server.port(), trace, 7, List.of("retry"));
      dialed.socket().close();

      TestKeys keys = trace.toTestKeys();
      TcpConnect connect = keys.tcpConnect().get(0);
      assertThat(dialed.connected()).isTrue();
      assertThat(connect.ip()).isEqualTo("127.0.0.1");
      assertThat(connect.port()).isEqualTo(server.port());
      assertThat(connect.status().success()).isTrue();
      assertThat(connect.failure()).isNull();
      assertThat(connect.tags()).containsExactly("retry");
      assertThat(connect.transactionId()).isEqualTo(7);
      assertThat(connect.t()).isGreaterThanOrEqualTo(connect.t0());
      NetworkEvent event = keys.networkEvents().get(0);
      assertThat(event.operation()).isEqualTo("connect");
      assertThat(event.address()).isEqualTo("127.0.0.1:" + server.port());
      assertThat(event.proto()).isEqualTo("tcp");
      assertThat(event.failure()).isNull();
      assertThat(event.transactionId()).isEqualTo(7);
    }
  }

  @Test
  void connectWhereNothingListens_isConnectionRefused() throws Exception {
    Trace trace = new Trace();

    TcpDialer.Dialed dialed = dialer.dial("127.0.0.1", LoopbackServer.closedPort(), trace, 1, List.of());

    assertThat(dialed.connected()).isFalse();
    assertThat(dialed.failure()).isEqualTo(Failures.CONNECTION_REFUSED);
    TestKeys keys = trace.toTestKeys();
    assertThat(keys.tcpConnect()).singleElement()
        .satisfies(c -> assertThat(c.status().success()).isFalse())
        .satisfies(c -> assertThat(c.failure()).isEqualTo(Failures.CONNECTION_REFUSED));
    assertThat(keys.networkEvents()).singleElement()
        .satisfies(e -> assertThat(e.failure()).isEqualTo(Failures.CONNECTION_REFUSED));
  }

  @Test
  void ipv6Literal_isRecordedWithBrackets() throws Exception {
    Trace trace = new Trace();

    dialer.dial("::1", LoopbackServer.closedPort(), trace, 1, List.of());

    assertThat(trace.toTestKeys().networkEvents().get(0).address()).startsWith("[::1]:");
    assertThat(trace.toTestKeys().tcpConnect().get(0).ip()).isEqualTo("::1");
  }
}
