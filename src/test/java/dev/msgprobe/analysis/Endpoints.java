package dev.msgprobe.analysis;

import dev.msgprobe.model.Endpoint;
import java.net.URI;
import java.util.Map;

/** Endpoints for tests, parsed from a URI the way a test list row without extra columns would be. */
final class Endpoints {
  private static final Map<String, Integer> DEFAULT_PORTS =
      Map.of("https", 443, "http", 80, "tls", 443, "wss", 443, "dns", 53);

  private Endpoints() {}

  static Endpoint of(String url) {
    return of(url, "test", "");
  }

  static Endpoint of(String url, String service, String function) {
    URI u = URI.create(url);
    String host = u.getHost() != null ? u.getHost() : u.getAuthority();
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = u.getPort() > 0 ? u.getPort() : DEFAULT_PORTS.getOrDefault(u.getScheme(), 0);
    String path = u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath();
    return new Endpoint(url, u.getScheme(), host, port, path, "GET", service, function, "test", 0, null, null, null,
        null, null, false);
  }
}
