package dev.msgprobe.analysis;

import dev.msgprobe.model.DnsAnswer;
import dev.msgprobe.model.DnsQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The autonomous systems a service runs its own servers in, and the networks DNS answers fall in
 * (as the engine annotated them: {@code asn} 0 or absent means unknown). Meta's is AS32934;
 * Telegram's are AS62041, AS59930, AS62014, AS211157 and AS44907 (its announced prefixes); MAX runs
 * in VK's networks (the ASNs whose registered organisation is LLC VK or VKontakte Ltd).
 */
final class ServiceNetworks {
  private static final Map<String, Set<Long>> OWN = Map.of(
      "whatsapp", Set.of(32934L),
      "telegram", Set.of(62041L, 59930L, 62014L, 211157L, 44907L),
      "max", Set.of(47764L, 47541L, 47542L, 28709L, 57973L, 49988L, 207581L, 62243L, 60863L));

  private ServiceNetworks() {}

  static Set<Long> own(String service) {
    return service == null ? Set.of() : OWN.getOrDefault(service.toLowerCase(Locale.ROOT), Set.of());
  }

  /** One network an answer fell in. */
  record Owner(long asn, String name) {
    String label() {
      return "AS" + asn + (name == null ? "" : " (" + name + ")");
    }
  }

  /** The known network of each answered address, in answer order; addresses of unknown network are left out. */
  static Map<String, Owner> owners(List<DnsQuery> queries) {
    Map<String, Owner> out = new LinkedHashMap<>();
    for (DnsQuery q : queries) {
      if (q.answers() == null) {
        continue;
      }
      for (DnsAnswer a : q.answers()) {
        if (a.address() != null && a.asn() != null && a.asn() > 0) {
          out.putIfAbsent(a.address(), new Owner(a.asn(), a.asOrgName()));
        }
      }
    }
    return out;
  }

  /** {@code AS32934 (Facebook, Inc.), AS62041}: each network once, in order. */
  static String labels(Iterable<Owner> owners) {
    Map<Long, String> seen = new LinkedHashMap<>();
    for (Owner o : owners) {
      seen.putIfAbsent(o.asn(), o.label());
    }
    return String.join(", ", seen.values());
  }

  static String asnList(Set<Long> asns) {
    return String.join(", ", new TreeSet<>(asns).stream().map(a -> "AS" + a).toList());
  }
}
