package dev.msgprobe.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.msgprobe.model.Body;
import dev.msgprobe.model.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
  private final Fingerprints bundled = Fingerprints.bundled();

  private static HttpResponse response(int code, String body, String... headers) {
    List<List<String>> list = new java.util.ArrayList<>();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      list.add(List.of(headers[i], headers[i + 1]));
    }
    return new HttpResponse(Body.of(body.getBytes(StandardCharsets.UTF_8)), false, code, list, Map.of());
  }

  @Test
  void bundledDatabase_loadsEveryFileWithCredits() {
    assertThat(bundled.size()).isGreaterThan(180);
    assertThat(bundled.sinkhole("5.3.3.17")).get()
        .satisfies(f -> assertThat(f.id()).isEqualTo("ooni.ru_96"))
        .satisfies(f -> assertThat(f.source()).contains("ooni/blocking-fingerprints"));
    assertThat(bundled.interceptingResolver("193.232.160.49")).isPresent();
  }

  @Test
  void rostelecomRedirect_matchesItsLocationPrefix() {
    var match = bundled.blockPage(response(302, "", "Location", "http://warning.rt.ru/?id=17"));

    assertThat(match).get().extracting(Fingerprints.HttpFingerprint::id).isEqualTo("ooni.ru_6");
  }

  @Test
  void locationHeaderIsMatchedCaseInsensitivelyByName() {
    assertThat(bundled.blockPage(response(307, "", "location", "https://forbidden.yota.ru/x"))).isPresent();
  }

  @Test
  void prefixWithoutSchemeInTheSource_matchesAnywhereInTheUrl() {
    var match = bundled.blockPage(response(451, "", "Location", "http://block.ip.center.rt.ru/?site=x"));

    assertThat(match).get().extracting(Fingerprints.HttpFingerprint::id).isEqualTo("ooni.ru_52");
  }

  @Test
  void cyrillicBodyText_matches() {
    String page = "<html><body><p>Доступ к сайту ограничен в соответствии с Федеральными законами</p></body></html>";

    assertThat(bundled.blockPage(response(200, page))).get()
        .extracting(Fingerprints.HttpFingerprint::id).isEqualTo("ooni.ru_0");
  }

  @Test
  void ordinaryPagesAndRedirects_matchNothing() {
    assertThat(bundled.blockPage(response(200, "<html><title>WhatsApp Web</title></html>"))).isEmpty();
    assertThat(bundled.blockPage(response(301, "", "Location", "https://web.whatsapp.com/"))).isEmpty();
    assertThat(bundled.blockPage(HttpResponse.NONE)).isEmpty();
    assertThat(bundled.sinkhole("157.240.1.53")).isEmpty();
  }

  @Test
  void ipv6AddressesAreComparedInCanonicalForm() {
    Fingerprints f = Fingerprints.parse("ip,id,owner,source\n2001:db8:0:0::1,x.1,lab,test\n", null, null);

    assertThat(f.sinkhole("2001:db8::1")).isPresent();
  }

  @Test
  void userRows_extendTheBundledDatabase() {
    Fingerprints mine = Fingerprints.parse(null,
        "location,pattern_type,pattern,id,owner,source\nheader.server,full,BlockBox 1.0,lab.1,my lab,seen here\n",
        null);
    Fingerprints all = bundled.plus(mine);

    assertThat(all.blockPage(response(200, "x", "Server", "BlockBox 1.0"))).get()
        .extracting(Fingerprints.HttpFingerprint::owner).isEqualTo("my lab");
    assertThat(all.sinkhole("5.3.3.17")).isPresent();
    assertThat(bundled.blockPage(response(200, "x", "Server", "BlockBox 1.0"))).isEmpty();
  }

  @Test
  void badRows_areRejectedNamingTheRow() {
    assertThatThrownBy(() -> Fingerprints.parse("ip,id,owner,source\nnot-an-ip,bad.1,x,y\n", null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.1");
    assertThatThrownBy(() -> Fingerprints.parse(null,
        "location,pattern_type,pattern,id,owner,source\nbody,regexp,.*,bad.2,x,y\n", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.2");
  }

  @Test
  void csvQuotingWithCommasQuotesAndComments_isRead() {
    var rows = Fingerprints.rows("# comment\na,b\n\"x, \"\"y\"\"\",2\r\n\n3,\"multi\nline\"\n");

    assertThat(rows).containsExactly(Map.of("a", "x, \"y\"", "b", "2"), Map.of("a", "3", "b", "multi\nline"));
  }

  @Test
  void malformedFingerprintRecord_isAnErrorNamingItsLine() {
    assertThatThrownBy(() -> Fingerprints.rows("a,b\nx,\"open\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
  }
}
