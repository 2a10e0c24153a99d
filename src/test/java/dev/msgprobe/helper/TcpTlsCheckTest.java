package dev.msgprobe.helper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.net.Trust;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TcpTlsCheckTest {
  @Test
  void serverTricklingItsHandshakeForever_isCutByTheWholeHandshakeWatchdog() throws Exception {
    try (LoopbackServer trickle = LoopbackServer.start(Handlers.trickleAfterClientHello())) {
      TcpTlsCheck check = new TcpTlsCheck(new GuardedSocketFactory(true), Trust.of(List.of()), Duration.ofMillis(500));
      AddressPlan.Target target = new AddressPlan.Target("127.0.0.1", "127.0.0.1:" + trickle.port(), trickle.port(),
          true);

      TcpTlsCheck.Result result = check.run(target, "web.example");

      assertThat(result.tcp().status()).isTrue();
      assertThat(result.tls().status()).isFalse();
      assertThat(result.tls().failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
    }
  }
}
