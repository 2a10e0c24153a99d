package dev.msgprobe.testing;

import dev.msgprobe.model.Endpoint;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Endpoints for tests, parsed from a URI the way a test list row would give them. */
public final class TestEndpoints {
  private static final Map<String, Integer> DEFAULT_PORTS =
      Map.of("https", 443, "wss", 443, "tls", 443, "http", 80, "tcp", 80, "dns", 53, "quic", 443, "stun", 3478);

  private TestEndpoints() {}

  /** {@code url} as an endpoint of service {@code test}: method GET, no throughput. */
  public static Endpoint of(String url) {
    URI uri = URI.create(url);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
    int port = uri.getPort() >= 0 ? uri.getPort() : DEFAULT_PORTS.get(scheme);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new Endpoint(url, scheme, host, port, path, "GET", "test", "web", "test", 0, null, null, null, null, null,
        false);
  }

  public static Endpoint withMethod(Endpoint e, String method) {
    return e.withMethod(method);
  }

  public static Endpoint withThroughput(Endpoint e) {
    return e.withThroughput(true);
  }
}
