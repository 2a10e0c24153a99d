package dev.msgprobe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.geo.GeoLookup;
import dev.msgprobe.geo.NetworkOwner;
import dev.msgprobe.net.IpLiterals;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProbeLocatorTest {
  private static final NetworkOwner ROSTELECOM = new NetworkOwner(12389, "PJSC Rostelecom", "RU");
  private static final GeoLookup GEO = new GeoLookup() {
    @Override
    public NetworkOwner lookup(InetAddress address) {
      return address.getHostAddress().startsWith("95.") ? ROSTELECOM : NetworkOwner.UNKNOWN;
    }

    @Override
    public String description() {
      return "test data";
    }
  };
  private static final List<String> STUN = List.of("127.0.0.1:3478");

  private static PublicAddressFinder stunSays(String ip) {
    return servers -> Optional.of(IpLiterals.parse(ip));
  }

  private static GeoOptions options(Long asn, String cc, boolean noGeoip, List<String> stun) {
    return new GeoOptions(asn, cc, noGeoip, List.of(), stun);
  }

  @Test
  void addressLearntOverStun_isLookedUp_andJoinsTheScrubSet() {
    ProbeLocation where = new ProbeLocator(options(null, null, false, STUN), GEO, stunSays("95.24.1.2"), Set.of())
        .locate();
    assertThat(where.owner()).isEqualTo(ROSTELECOM);
    assertThat(where.how()).contains("STUN").contains("test data");
    assertThat(where.publicAddresses()).containsExactly("95.24.1.2");
  }

  @Test
  void noStunAnswer_fallsBackToAPublicInterfaceAddress() {
    ProbeLocation where = new ProbeLocator(options(null, null, false, STUN), GEO, PublicAddressFinder.NONE,
        Set.of("95.24.9.9")).locate();
    assertThat(where.owner().asn()).isEqualTo(12389);
    assertThat(where.how()).contains("interface");
  }

  @Test
  void noAddressAtAll_isAs0WithTheReason() {
    ProbeLocation where = new ProbeLocator(options(null, null, false, STUN), GEO, PublicAddressFinder.NONE, Set.of())
        .locate();
    assertThat(where.owner()).isEqualTo(NetworkOwner.UNKNOWN);
    assertThat(where.how()).contains("no STUN server answered");
  }

  @Test
  void noGeoip_looksNothingUp_butStillScrubsTheLearntAddress() {
    List<InetAddress> asked = new ArrayList<>();
    GeoLookup spy = new GeoLookup() {
      @Override
      public NetworkOwner lookup(InetAddress address) {
        asked.add(address);
        return ROSTELECOM;
      }

      @Override
      public String description() {
        return "spy";
      }
    };
    ProbeLocation where = new ProbeLocator(options(null, null, true, STUN), spy, stunSays("95.24.1.2"), Set.of())
        .locate();
    assertThat(where.owner().asnLabel()).isEqualTo("AS0");
    assertThat(where.owner().countryLabel()).isEqualTo("ZZ");
    assertThat(where.how()).contains("--no-geoip");
    assertThat(asked).isEmpty();
    assertThat(where.publicAddresses()).containsExactly("95.24.1.2");
  }

  @Test
  void probeAsnAndCc_overrideTheLookup_keepingTheNameOnlyWhenTheAsnAgrees() {
    ProbeLocation other = new ProbeLocator(options(8359L, "RU", false, STUN), GEO, stunSays("95.24.1.2"), Set.of())
        .locate();
    assertThat(other.owner()).isEqualTo(new NetworkOwner(8359, null, "RU"));
    ProbeLocation same = new ProbeLocator(options(12389L, null, false, STUN), GEO, stunSays("95.24.1.2"), Set.of())
        .locate();
    assertThat(same.owner()).isEqualTo(ROSTELECOM);
    assertThat(same.how()).contains("--probe-asn");
  }

  @Test
  void stunNone_asksNoServer() {
    PublicAddressFinder mustNotAsk = servers -> {
      throw new AssertionError("asked " + servers);
    };
    ProbeLocation where = new ProbeLocator(options(null, null, false, List.of()), GEO, mustNotAsk, Set.of()).locate();
    assertThat(where.how()).contains("no STUN server given");
  }

  private static GeoOptions withEcho(List<String> stun) {
    return new GeoOptions(null, null, false, List.of(), stun, "https://127.0.0.1:8443/ip");
  }

  @Test
  void stunSilent_echoAddressIsLookedUp_andJoinsTheScrubSet() {
    List<String> asked = new ArrayList<>();
    AddressEcho echo = url -> {
      asked.add(url);
      return IpLiterals.parse("95.24.1.2");
    };
    ProbeLocation where = new ProbeLocator(withEcho(STUN), GEO, PublicAddressFinder.NONE, echo, line -> { },
        Set.of("95.24.9.9")).locate();
    assertThat(asked).containsExactly("https://127.0.0.1:8443/ip");
    assertThat(where.owner()).isEqualTo(ROSTELECOM);
    assertThat(where.how()).isEqualTo("looked up: public address learnt from the HTTPS echo URL, test data");
    assertThat(where.publicAddresses()).contains("95.24.1.2", "95.24.9.9");
  }

  @Test
  void stunNone_withEcho_asksTheEcho() {
    ProbeLocation where = new ProbeLocator(withEcho(List.of()), GEO, PublicAddressFinder.NONE,
        url -> IpLiterals.parse("95.24.1.2"), line -> { }, Set.of()).locate();
    assertThat(where.how()).contains("HTTPS echo URL");
    assertThat(where.publicAddresses()).containsExactly("95.24.1.2");
  }

  @Test
  void stunAnswered_echoIsNeverAsked() {
    AddressEcho mustNotAsk = url -> {
      throw new AssertionError("asked " + url);
    };
    ProbeLocation where = new ProbeLocator(withEcho(STUN), GEO, stunSays("95.24.1.2"), mustNotAsk, line -> { },
        Set.of()).locate();
    assertThat(where.how()).contains("STUN");
  }

  @Test
  void failingEcho_isANotice_andTheLocationStaysUnknown() {
    List<String> notices = new ArrayList<>();
    ProbeLocation where = new ProbeLocator(withEcho(STUN), GEO, PublicAddressFinder.NONE, url -> {
      throw new java.io.IOException("the answer names no IP address");
    }, notices::add, Set.of()).locate();
    assertThat(notices).singleElement().asString().startsWith("msgprobe: notice: --ip-echo https://127.0.0.1:8443/ip")
        .contains("names no IP address");
    assertThat(where.owner()).isEqualTo(NetworkOwner.UNKNOWN);
    assertThat(where.how()).contains("no STUN server answered, the --ip-echo URL named none");
    assertThat(where.publicAddresses()).isEmpty();
  }
}
