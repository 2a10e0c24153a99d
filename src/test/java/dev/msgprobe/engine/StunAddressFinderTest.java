package dev.msgprobe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.testing.FakeStunServer;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StunAddressFinderTest {
  @Test
  void silentServerFirst_theNextServersMappedAddressWins() throws Exception {
    try (FakeStunServer silent = FakeStunServer.start(FakeStunServer.Behaviour.SILENT);
        FakeStunServer answering = FakeStunServer.start(FakeStunServer.Behaviour.ANSWER)) {
      List<String> servers = List.of("127.0.0.1:" + silent.address().getPort(),
          "127.0.0.1:" + answering.address().getPort());
      assertThat(new StunAddressFinder().find(servers)).contains(InetAddress.getByName("127.0.0.1"));
      assertThat(silent.received()).isEqualTo(StunAddressFinder.SCHEDULE.rc());
    }
  }

  @Test
  void noServerAnswers_isEmpty() throws Exception {
    try (FakeStunServer garbage = FakeStunServer.start(FakeStunServer.Behaviour.GARBAGE)) {
      assertThat(new StunAddressFinder().find(List.of("127.0.0.1:" + garbage.address().getPort()))).isEmpty();
    }
  }

  @Test
  void bracketedIpv6Server_isParsedWithoutAnyLookup() {
    assertThat(StunAddressFinder.resolve("[::1]:3478")).get()
        .satisfies(a -> assertThat(a.getAddress().isLoopbackAddress()).isTrue())
        .satisfies(a -> assertThat(a.getPort()).isEqualTo(3478));
  }
}
