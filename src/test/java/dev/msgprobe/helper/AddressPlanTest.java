package dev.msgprobe.helper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.helper.AddressPlan.Target;
import dev.msgprobe.helper.ThResponse.IpInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressPlanTest {
  private static final String PUBLIC = "157.240.1.53";
  private static final String PUBLIC_V6 = "2a03:2880:f10c:83:face:b00c:0:25de";

  @Test
  void ipInfo_flagsWhoResolvedAnAddressAndBogons() {
    Map<String, IpInfo> info = AddressPlan.ipInfo(
        List.of(PUBLIC + ":443", "10.10.34.34:443", "[" + PUBLIC_V6 + "]:443", "not-an-ip:443", "::1:443"),
        List.of(PUBLIC, "93.184.216.34", "web.example"));

    assertThat(info).containsExactly(
        Map.entry("10.10.34.34", new IpInfo(0, IpInfo.FLAG_RESOLVED_BY_PROBE | IpInfo.FLAG_BOGON)),
        Map.entry(PUBLIC, new IpInfo(0, IpInfo.FLAG_RESOLVED_BY_PROBE | IpInfo.FLAG_RESOLVED_BY_HELPER)),
        Map.entry(PUBLIC_V6, new IpInfo(0, IpInfo.FLAG_RESOLVED_BY_PROBE)),
        Map.entry("93.184.216.34", new IpInfo(0, IpInfo.FLAG_RESOLVED_BY_HELPER)));
  }

  @Test
  void httpsUrl_measuresPort443WithTls_skippingBogons() {
    Map<String, IpInfo> info = AddressPlan.ipInfo(List.of("10.0.0.1:443"), List.of(PUBLIC, PUBLIC_V6));

    List<Target> targets = AddressPlan.endpoints(TargetUrl.parse("https://web.example/"), info, ip -> !ip.startsWith("10."));

    assertThat(targets).containsExactly(
        new Target(PUBLIC, PUBLIC + ":443", 443, true),
        new Target(PUBLIC_V6, "[" + PUBLIC_V6 + "]:443", 443, true));
  }

  @Test
  void httpUrl_measuresPorts80And443_tlsOn443Only() {
    List<Target> targets = AddressPlan.endpoints(TargetUrl.parse("http://web.example/"),
        AddressPlan.ipInfo(List.of(), List.of(PUBLIC)), ip -> true);

    assertThat(targets).containsExactly(
        new Target(PUBLIC, PUBLIC + ":443", 443, true),
        new Target(PUBLIC, PUBLIC + ":80", 80, false));
  }

  @Test
  void explicitPort_isTheOnlyPort_withTlsForHttps() {
    Map<String, IpInfo> info = AddressPlan.ipInfo(List.of(), List.of(PUBLIC));

    assertThat(AddressPlan.endpoints(TargetUrl.parse("https://web.example:5222/x"), info, ip -> true))
        .containsExactly(new Target(PUBLIC, PUBLIC + ":5222", 5222, true));
    assertThat(AddressPlan.endpoints(TargetUrl.parse("http://web.example:5222/"), info, ip -> true))
        .containsExactly(new Target(PUBLIC, PUBLIC + ":5222", 5222, false));
    assertThat(AddressPlan.endpoints(TargetUrl.parse("http://web.example:443/"), info, ip -> true))
        .containsExactly(new Target(PUBLIC, PUBLIC + ":443", 443, true));
  }

  @Test
  void otherScheme_hasNoEndpoints() {
    assertThat(AddressPlan.endpoints(TargetUrl.parse("dns://web.example/"),
        AddressPlan.ipInfo(List.of(), List.of(PUBLIC)), ip -> true)).isEmpty();
  }

  @Test
  void manyAddresses_areCutToTheFirstEndpointsInOrder() {
    List<String> addresses = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "157.240.1." + i).toList();

    List<Target> targets = AddressPlan.endpoints(TargetUrl.parse("https://web.example/"),
        AddressPlan.ipInfo(List.of(), addresses), ip -> true);

    assertThat(targets).hasSize(AddressPlan.MAX_ENDPOINTS);
    assertThat(targets.get(0).endpoint()).isEqualTo("157.240.1.0:443");
    assertThat(targets.get(1).endpoint()).as("string order, as Go sorts").isEqualTo("157.240.1.10:443");
    assertThat(targets.get(2).endpoint()).isEqualTo("157.240.1.11:443");
  }

  @Test
  void targetUrl_keepsOnlyAWrittenPort() {
    assertThat(TargetUrl.parse("HTTPS://user@[2001:db8::1]:8443/p?q"))
        .isEqualTo(new TargetUrl("HTTPS://user@[2001:db8::1]:8443/p?q", "https", "2001:db8::1", "8443"));
    assertThat(TargetUrl.parse("http://web.example/").explicitPort()).isNull();
    assertThat(TargetUrl.parse("http://web.example:/").explicitPort()).isNull();
  }

  @Test
  void targetUrl_rejectsWhatIsNoUrlWithAHost() {
    for (String bad : List.of("web.example", "http:///x", "http://web.example:99999/", "http://web.example:8x/",
        "http://[::1/", "not a url")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> TargetUrl.parse(bad))
          .as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
