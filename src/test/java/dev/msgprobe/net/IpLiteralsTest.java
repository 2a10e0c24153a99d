package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpLiteralsTest {

  @ParameterizedTest
  @CsvSource({
      "0:0:0:0:0:0:0:0, ::",
      "0:0:0:0:0:0:0:1, ::1",
      "1:0:0:0:0:0:0:0, 1::",
      "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
      "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
      "1:0:0:1:0:0:1:1, 1::1:0:0:1:1",
      "1:0:1:0:1:0:1:0, 1:0:1:0:1:0:1:0",
      "2a03:2880:f10c:0083:face:b00c:0000:25de, 2a03:2880:f10c:83:face:b00c:0:25de",
      "192.0.2.1, 192.0.2.1"})
  void format_writesRfc5952Text(String literal, String expected) {
    assertThat(IpLiterals.format(IpLiterals.bytes(literal))).isEqualTo(expected);
  }
}
