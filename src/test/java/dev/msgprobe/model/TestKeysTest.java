package dev.msgprobe.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestKeysTest {
  private static final TlsHandshake QUIC = new TlsHandshake("quic", "192.0.2.1:443", null, null, "h3", false,
      List.of(), "web.example", 0.0, 0.1, List.of(), "TLSv1.3", 1);
  private static final TestKeys STUN_AND_QUIC = new TestKeys("redirect", null, null, List.of(), List.of(), List.of(),
      List.of(), List.of(), List.of(), null, List.of(QUIC), "192.0.2.1:3478");

  @Test
  void everyWither_keepsTheQuicHandshakesAndTheStunEndpoint() {
    for (TestKeys k : List.of(STUN_AND_QUIC.withFailure("unknown_failure: x"), STUN_AND_QUIC.withQueries(List.of()),
        STUN_AND_QUIC.withVerdict(null))) {
      assertThat(k.quicHandshakes()).containsExactly(QUIC);
      assertThat(k.endpoint()).isEqualTo("192.0.2.1:3478");
    }
  }
}
