package dev.msgprobe.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.msgprobe.geo.GeoLookup;
import dev.msgprobe.geo.NetworkOwner;
import dev.msgprobe.model.DnsAnswer;
import dev.msgprobe.model.DnsQuery;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerNetworksTest {
  private static final GeoLookup GEO = new GeoLookup() {
    @Override
    public NetworkOwner lookup(InetAddress address) {
      return address.getHostAddress().startsWith("157.240.") ? new NetworkOwner(32934, "Facebook, Inc.", "US")
          : NetworkOwner.UNKNOWN;
    }

    @Override
    public String description() {
      return "test";
    }
  };

  @Test
  void everyAddressAnswer_getsAsnAndOrganisation_unknownIsZero_cnameAndControlAsnKept() {
    DnsQuery q = new DnsQuery(List.of(DnsAnswer.cname("mmx-ds.cdn.whatsapp.net", 60), DnsAnswer.a("157.240.1.53", 60),
        DnsAnswer.a("10.10.34.35", 60), new DnsAnswer("A", 15133L, null, null, "93.184.216.34", null, null)),
        "udp", null, "web.whatsapp.com", "A", null, 0, "127.0.0.1:53", null, null, 0, 0.01, List.of("system"), 1);
    DnsQuery annotated = AnswerNetworks.annotate(q, GEO);
    assertThat(annotated.answers()).extracting(DnsAnswer::answerType, DnsAnswer::asn, DnsAnswer::asOrgName)
        .containsExactly(tuple("CNAME", null, null), tuple("A", 32934L, "Facebook, Inc."), tuple("A", 0L, null),
            tuple("A", 15133L, null));
    assertThat(annotated.hostname()).isEqualTo("web.whatsapp.com");
  }
}
