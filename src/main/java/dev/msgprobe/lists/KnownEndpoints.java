package dev.msgprobe.lists;

import dev.msgprobe.model.Endpoint;
import java.util.HashMap;
import java.util.Map;

/** The endpoints of the built-in service lists, to describe an endpoint given as a bare URI. */
final class KnownEndpoints {
  /** By URI without method: a URI given alone is measured the way the built-in list measures it. */
  private final Map<EndpointKey, Endpoint> byUri = new HashMap<>();
  private final Map<String, String> serviceByHost = new HashMap<>();
  private final Map<String, String> serviceByDomain = new HashMap<>();

  private KnownEndpoints() {}

  static KnownEndpoints load() throws ListException {
    KnownEndpoints known = new KnownEndpoints();
    for (String name : TestLists.SERVICES) {
      for (Endpoint e : TestLists.builtIn(name).endpoints()) {
        known.byUri.putIfAbsent(uriKey(e), e);
        known.serviceByHost.putIfAbsent(e.host(), e.service());
        if (!e.hostIsAddress()) {
          known.serviceByDomain.putIfAbsent(domain(e.host()), e.service());
        }
      }
    }
    return known;
  }

  /**
   * {@code parsed} with the method and description of the built-in endpoint with the same URI, or
   * else with the service of the same built-in host, or of the built-in hosts in its domain, or
   * its own host as service.
   */
  Endpoint describe(Endpoint parsed) {
    Endpoint same = byUri.get(uriKey(parsed));
    if (same != null) {
      return parsed.describedAs(same);
    }
    String service = serviceByHost.get(parsed.host());
    if (service == null && !parsed.hostIsAddress()) {
      service = serviceByDomain.get(domain(parsed.host()));
    }
    return new Endpoint(parsed.url(), parsed.scheme(), parsed.host(), parsed.port(), parsed.path(),
        parsed.method(), service == null ? parsed.host() : service, parsed.function(), parsed.list(),
        parsed.line(), null, null, null, null, null, false);
  }

  private static EndpointKey uriKey(Endpoint e) {
    return new EndpointKey(e.scheme(), e.host(), e.port(), e.path(), null);
  }

  /** The last two labels of a host name: {@code e1.whatsapp.net} → {@code whatsapp.net}. */
  private static String domain(String host) {
    int last = host.lastIndexOf('.');
    int previous = last < 0 ? -1 : host.lastIndexOf('.', last - 1);
    return host.substring(previous + 1);
  }
}
