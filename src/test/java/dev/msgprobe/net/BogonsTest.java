package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BogonsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "0.0.0.0", "0.255.1.2", "10.10.34.34", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.1.2.3",
      "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.168.1.1",
      "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.251", "239.255.255.250",
      "240.0.0.1", "255.255.255.255",
      "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "2001:db8::1", "ff02::1",
      "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:0:0", "[::1]", "100::1"})
  void specialPurposeAddresses_areBogons(String ip) {
    assertThat(Bogons.isBogon(ip)).as(ip).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.1", "100.63.255.255", "100.128.0.0", "126.255.255.255",
      "128.0.0.1", "169.253.0.1", "172.15.255.255", "172.32.0.1", "192.0.1.1", "192.167.255.255",
      "198.17.255.255", "198.20.0.1", "223.255.255.255", "95.167.13.50", "149.154.167.51", "157.240.1.53",
      "2a03:2880:f10c:83:face:b00c::25de", "2001:67c:4e8:f004::9", "2600::1",
      "::ffff:8.8.8.8", "[2001:4860:4860::8888]"})
  void publicAddresses_areNotBogons(String ip) {
    assertThat(Bogons.isBogon(ip)).as(ip).isFalse();
  }

  @Test
  void namesAndJunk_areRejectedWithoutResolving() {
    assertThatThrownBy(() -> Bogons.isBogon("localhost")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bogons.isBogon("256.1.1.1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bogons.isBogon("fe80::1%eth0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bogons.isBogon("")).isInstanceOf(IllegalArgumentException.class);
  }
}
