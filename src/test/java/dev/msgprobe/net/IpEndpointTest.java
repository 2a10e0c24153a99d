package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpEndpointTest {

  @ParameterizedTest
  @CsvSource({
      "192.0.2.1, 192.0.2.1, -1",
      "192.0.2.1:443, 192.0.2.1, 443",
      "192.0.2.1:0, 192.0.2.1, 0",
      "2001:db8::1, 2001:db8::1, -1",
      "[2001:db8::1], 2001:db8::1, -1",
      "[2001:db8::1]:443, 2001:db8::1, 443",
      "[::1]:65535, ::1, 65535",
      "::ffff:192.0.2.1, ::ffff:192.0.2.1, -1",
      "[::ffff:192.0.2.1]:80, ::ffff:192.0.2.1, 80",
      "2001:DB8::1, 2001:DB8::1, -1"})
  void literalWithOrWithoutPort_parsesToIpAsWrittenAndPort(String text, String ip, int port) {
    IpEndpoint endpoint = IpEndpoint.parse(text);
    assertThat(endpoint.ip()).isEqualTo(ip);
    assertThat(endpoint.port()).isEqualTo(port);
    assertThat(endpoint.hasPort()).isEqualTo(port != IpEndpoint.NO_PORT);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1.2.3", "1.2.3.4.", "1.2.3.4.5", "256.1.1.1", "0x7f.0.0.1", "127.1", "localhost", "example.com",
      "example.com:443", "fe80::1%eth0", "[fe80::1%25eth0]:443", "[2001:db8::1", "[2001:db8::1]443",
      "2001:db8::1:443:", "", ":443", "[]:443", "::g"})
  void almostLiteralsAndNames_areRejectedWithTheValueInTheMessage(String text) {
    assertThatThrownBy(() -> IpEndpoint.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
    assertThat(IpEndpoint.tryParse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1:", "192.0.2.1:65536", "192.0.2.1:-1", "192.0.2.1:4x3", "[::1]:123456", "[::1]:"})
  void badPort_isRejectedAsABadPort(String text) {
    assertThatThrownBy(() -> IpEndpoint.parse(text)).hasMessage("bad port in '" + text + "'");
  }

  @Test
  void parsedAddress_carriesNoHostName_soNoLookupHappened() {
    // getByName("1.2.3") would accept inet_aton's short form and getByName("localhost") would
    // resolve; a parse that never resolves rejects both and attaches no name to what it accepts.
    assertThat(IpEndpoint.parse("192.0.2.7:53").socketAddress().getAddress().toString()).isEqualTo("/192.0.2.7");
    assertThat(IpEndpoint.parse("[2001:db8::7]").address().toString()).isEqualTo("/2001:db8:0:0:0:0:0:7");
    assertThat(IpLiterals.isLiteral("1.2.3")).isFalse();
    assertThatThrownBy(() -> IpLiterals.parse("localhost")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void socketAddress_usesTheDefaultPortOnlyWhenNoneWasWritten() {
    assertThat(IpEndpoint.parse("192.0.2.53").orPort(53).socketAddress())
        .isEqualTo(new InetSocketAddress("192.0.2.53", 53));
    assertThat(IpEndpoint.parse("[2001:db8::53]:5353").orPort(53).port()).isEqualTo(5353);
    assertThatThrownBy(() -> IpEndpoint.parse("192.0.2.53").socketAddress()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toStringAndJoin_bracketIpv6Only() {
    assertThat(IpEndpoint.parse("[2001:db8::1]:443")).hasToString("[2001:db8::1]:443");
    assertThat(IpEndpoint.parse("2001:db8::1")).hasToString("[2001:db8::1]");
    assertThat(IpEndpoint.parse("192.0.2.1:80")).hasToString("192.0.2.1:80");
    assertThat(IpEndpoint.join("example.com", 443)).isEqualTo("example.com:443");
    assertThat(IpEndpoint.join("::1", "8080")).isEqualTo("[::1]:8080");
    assertThat(IpEndpoint.bracketed("[::1]")).isEqualTo("[::1]");
    assertThat(IpEndpoint.unbracketed("[::1]")).isEqualTo("::1");
  }

  @ParameterizedTest
  @CsvSource({
      "192.0.2.1:443, 192.0.2.1, 192.0.2.1, 443",
      "[2001:db8::1]:443, 2001:db8::1, 2001:db8::1, 443",
      "example.com:80, example.com, example.com, 80",
      "192.0.2.1, , 192.0.2.1, -1",
      "2001:db8::1, , 2001:db8::1, -1",
      "[2001:db8::1], , 2001:db8::1, -1",
      "192.0.2.1:http, 192.0.2.1, 192.0.2.1, -1"})
  void splitting_followsGoSplitHostPort(String address, String host, String ip, int port) {
    assertThat(IpEndpoint.hostOf(address)).isEqualTo(host);
    assertThat(IpEndpoint.ipOf(address)).isEqualTo(ip);
    assertThat(IpEndpoint.portOf(address)).isEqualTo(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "[2001:db8::1]", "::", "::ffff:192.0.2.1", "0.0.0.0"})
  void literals_areLiterals(String text) {
    assertThat(IpLiterals.isLiteral(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.3", "1.2.3.4.", "01.2.3.4x", "fe80::1%eth0", "example.com", "", "::1::2"})
  void nearMisses_areNotLiterals(String text) {
    assertThat(IpLiterals.isLiteral(text)).isFalse();
  }
}
