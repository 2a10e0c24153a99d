package dev.msgprobe.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.msgprobe.testing.TestMmdb;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaxMindGeoTest {
  @TempDir
  Path dir;

  @Test
  void geoLite2StyleAsnFile_givesAsnOrganisationAndCountry() throws Exception {
    Path db = new TestMmdb().type("GeoLite2-ASN")
        .asn("157.240.0.0/16", 32934, "Facebook, Inc.", "US")
        .asn("2a03:2880::/32", 32934, "Facebook, Inc.", "IE")
        .write(dir.resolve("asn.mmdb"));
    try (MaxMindGeo geo = MaxMindGeo.open(List.of(db.toFile()))) {
      assertThat(geo.lookup(InetAddress.getByName("157.240.1.53")))
          .isEqualTo(new NetworkOwner(32934, "Facebook, Inc.", "US"));
      assertThat(geo.lookup(InetAddress.getByName("2a03:2880:f10c::1")).countryCode()).isEqualTo("IE");
      assertThat(geo.lookup(InetAddress.getByName("8.8.8.8"))).isEqualTo(NetworkOwner.UNKNOWN);
      assertThat(geo.description()).contains("asn.mmdb").contains("GeoLite2-ASN");
    }
  }

  @Test
  void asnFileAndCountryFile_fillEachOthersGaps() throws Exception {
    File asn = new TestMmdb().network("198.51.100.0/24", Map.of("autonomous_system_number", 64500L,
        "autonomous_system_organization", "Lab ISP")).write(dir.resolve("a.mmdb")).toFile();
    File cc = new TestMmdb().network("198.51.0.0/16", Map.of("country_code", "RU"))
        .write(dir.resolve("c.mmdb")).toFile();
    try (MaxMindGeo geo = MaxMindGeo.open(List.of(asn, cc))) {
      assertThat(geo.lookup(InetAddress.getByName("198.51.100.7")))
          .isEqualTo(new NetworkOwner(64500, "Lab ISP", "RU"));
    }
  }

  @Test
  void fileThatIsNotAMaxMindDb_isAnErrorNamingIt() throws Exception {
    Path bogus = Files.writeString(dir.resolve("bogus.mmdb"), "not a database");
    assertThatThrownBy(() -> MaxMindGeo.open(List.of(bogus.toFile())))
        .isInstanceOf(IOException.class).hasMessageContaining("bogus.mmdb");
  }
}
