package dev.msgprobe.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemeTest {
  @Test
  void schemeNames_areReadInAnyCase_andUnknownOnesAreNull() {
    assertThat(Scheme.fromWire("HTTPS")).isEqualTo(Scheme.HTTPS);
    assertThat(Scheme.fromWire("wss")).isEqualTo(Scheme.WSS);
    assertThat(Scheme.fromWire("gopher")).isNull();
    assertThat(Scheme.fromWire(null)).isNull();
  }

  @Test
  void tlsSchemes_areHttpsTlsAndWss() {
    assertThat(Scheme.values()).filteredOn(Scheme::usesTls).containsExactly(Scheme.HTTPS, Scheme.TLS, Scheme.WSS);
  }

  @Test
  void onlyTcp_needsAnExplicitPort() {
    assertThat(Scheme.values()).filteredOn(s -> s.defaultPort() < 0).containsExactly(Scheme.TCP);
  }
}
