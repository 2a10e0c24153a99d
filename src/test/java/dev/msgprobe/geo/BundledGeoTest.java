package dev.msgprobe.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BundledGeoTest {
  private static final String ASN4 = """
      2667577600,2667577855,32934,"Facebook, Inc."
      2509635584,2509636607,62041,Telegram Messenger Inc
      2509636608,2509637631,62041,Telegram Messenger Inc
      3579248640,3579252735,8359,MTS PJSC
      """;
  // 2a03:2880::/32 and 2001:67c:4e8::/48 as numbers
  private static final String ASN6 = """
      55843974151131019037497657884439216128,55843974230359181551761995477983166463,32934,"Facebook, Inc."
      42540619682244027268786735951688761344,42540619682245236194606350580863467519,62041,Telegram Messenger Inc
      """;
  private static final String CC4 = """
      2667577600,2667577855,US
      3579248640,3579252735,RU
      """;
  private static final String CC6 = """
      55843974151131019037497657884439216128,55843974230359181551761995477983166463,IE
      """;

  private static BundledGeo built() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new GeoDataBuilder().build(out, LocalDate.of(2026, 6, 17), "test data", reader(ASN4), reader(ASN6),
        reader(CC4), reader(CC6));
    return BundledGeo.read(new ByteArrayInputStream(out.toByteArray()));
  }

  private static BufferedReader reader(String s) {
    return new BufferedReader(new StringReader(s));
  }

  private static InetAddress ip(String s) throws Exception {
    return InetAddress.getByName(s);
  }

  @Test
  void addressInsideAnIpv4Range_hasItsAsnOrganisationAndCountry() throws Exception {
    BundledGeo geo = built();
    assertThat(geo.lookup(ip("159.0.1.53"))).isEqualTo(new NetworkOwner(32934, "Facebook, Inc.", "US"));
    assertThat(geo.lookup(ip("213.87.0.1"))).isEqualTo(new NetworkOwner(8359, "MTS PJSC", "RU"));
  }

  @Test
  void rangeEdgesAreInclusive_andAGapIsUnknown() throws Exception {
    BundledGeo geo = built();
    assertThat(geo.lookup(ip("159.0.1.0")).asn()).isEqualTo(32934);
    assertThat(geo.lookup(ip("159.0.1.255")).asn()).isEqualTo(32934);
    assertThat(geo.lookup(ip("159.0.2.0"))).isEqualTo(NetworkOwner.UNKNOWN);
    assertThat(geo.lookup(ip("10.0.0.1")).asnLabel()).isEqualTo("AS0");
    assertThat(geo.lookup(ip("10.0.0.1")).countryLabel()).isEqualTo("ZZ");
  }

  @Test
  void adjacentRangesOfOneNetwork_areMergedIntoOne() throws Exception {
    BundledGeo geo = built();
    assertThat(geo.lookup(ip("149.150.0.1")).asn()).isEqualTo(62041);
    assertThat(geo.lookup(ip("149.150.7.255")).asn()).isEqualTo(62041);
  }

  @Test
  void ipv6Address_isFoundByItsRoutingPrefix() throws Exception {
    BundledGeo geo = built();
    assertThat(geo.lookup(ip("2a03:2880:f10c:83:face:b00c:0:25de")))
        .isEqualTo(new NetworkOwner(32934, "Facebook, Inc.", "IE"));
    assertThat(geo.lookup(ip("2001:67c:4e8:f004::9")).asn()).isEqualTo(62041);
    assertThat(geo.lookup(ip("2001:67c:4e9::1")).asn()).isZero();
  }

  @Test
  void headerCarriesTheDataDateAndSource() throws Exception {
    assertThat(built().description()).isEqualTo("test data, data of 2026-06-17");
  }

  @Test
  void dataOlderThanHalfAYear_isAWarningNotAnError() {
    LocalDate data = LocalDate.of(2026, 6, 17);
    Clock soon = Clock.fixed(Instant.parse("2026-08-01T00:00:00Z"), ZoneOffset.UTC);
    Clock late = Clock.fixed(Instant.parse("2027-03-01T00:00:00Z"), ZoneOffset.UTC);
    assertThat(BundledGeo.stalenessWarning(data, soon)).isEmpty();
    assertThat(BundledGeo.stalenessWarning(data, late)).get().asString()
        .contains("257 days old").contains("2026-06-17").contains("--asn-db");
  }

  @Test
  void jarData_knowsTheServicesOwnNetworks() {
    BundledGeo geo = BundledGeo.load();
    assertThat(geo.lookup(ipUnchecked("157.240.1.53")).asn()).isEqualTo(32934);
    assertThat(geo.lookup(ipUnchecked("149.154.167.51")).asn()).isEqualTo(62041);
    assertThat(BundledGeo.headerDate()).contains(geo.date());
  }

  @Test
  void quotedCsvOrganisation_keepsItsCommaAndQuotes() throws Exception {
    assertThat(GeoDataBuilder.fields("1,2,3,\"A \"\"B\"\", Inc.\"")).containsExactly("1", "2", "3", "A \"B\", Inc.");
  }

  private static InetAddress ipUnchecked(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
