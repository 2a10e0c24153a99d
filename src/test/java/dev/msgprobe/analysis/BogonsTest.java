package dev.msgprobe.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BogonsTest {
  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "10.10.34.35", "127.0.0.1", "100.64.1.1", "169.254.0.5", "172.16.3.4",
      "192.168.1.1", "198.18.0.1", "203.0.113.7", "224.0.0.1", "255.255.255.255", "::", "::1", "fe80::1",
      "fd00::5", "2001:db8::1", "::ffff:10.0.0.1"})
  void unusableAddresses_areBogons(String ip) {
    assertThat(Bogons.isBogon(ip)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"157.240.1.53", "149.154.167.51", "1.2.3.4", "172.32.0.1", "2a03:2880:f003:c07:face:b00c::2",
      "::ffff:157.240.1.53", "web.whatsapp.com", ""})
  void publicAddressesAndNames_areNot(String ip) {
    assertThat(Bogons.isBogon(ip)).isFalse();
  }
}
