package dev.msgprobe.helper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForbiddenAddressesTest {
  private static final String OWN_PUBLIC = "198.51.200.7";
  private final ForbiddenAddresses forbidden = new ForbiddenAddresses(Set.of(OWN_PUBLIC, "2a01:4f8::7"));

  @ParameterizedTest
  @ValueSource(strings = {
      "127.0.0.1", "10.1.2.3", "169.254.169.254", "::1", "fd00::1", "::ffff:10.0.0.1",
      "64:ff9b::a00:1",            // NAT64 of 10.0.0.1
      "64:ff9b::7f00:1",           // NAT64 of 127.0.0.1
      "64:ff9b::a9fe:a9fe",        // NAT64 of the cloud metadata address 169.254.169.254
      "64:ff9b:1::1",              // local-use NAT64: never a public service
      "64:ff9b:1:ab00:7f00:1::",   // local-use NAT64 carrying 127.0.0.1
      "2002:a00:1::1",             // 6to4 of 10.0.0.1
      "2002:7f00:1::",             // 6to4 of 127.0.0.1
      "2001:0:a00:1::1",           // Teredo with a private server address
      "2001:0:4136:e378:8000:63bf:f5ff:fffe", // Teredo whose client (obfuscated) is 10.0.0.1
      "198.51.200.7",              // the helper's own public address
      "2a01:4f8:0:0::7",           // the helper's own IPv6 address, written another way
      "64:ff9b::c633:c807",        // NAT64 of the helper's own public address
      "not-an-ip"})
  void refusesBogonsTheirTranslationsAndItsOwnAddresses(String ip) {
    assertThat(forbidden.forbids(ip)).as(ip).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "157.240.1.53", "2a03:2880:f10c:83:face:b00c:0:25de",
      "64:ff9b::9df0:135",         // NAT64 of 157.240.1.53
      "2002:9df0:135::1",          // 6to4 of 157.240.1.53
      "2001:0:4136:e378:8000:63bf:f7f7:f7f7"}) // Teredo: server 65.54.227.120, client 8.8.8.8
  void allowsPublicAddressesAndTheirTranslations(String ip) {
    assertThat(forbidden.forbids(ip)).as(ip).isFalse();
  }
}
