package dev.msgprobe.helper;

import dev.msgprobe.net.Trust;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How the control vantage runs. {@code listen} is where it serves plain HTTP (port 0 = any free
 * port); {@code resolver} the DNS resolver it asks (an IP address); {@code trust} the CAs its TLS
 * handshakes and HTTPS fetches accept; {@code timeout} bounds each network operation (a request as a
 * whole is cut at {@link #requestLimit()}); {@code allowPrivate} lets it connect to loopback, private
 * and other bogon addresses (labs only); {@code token} is the bearer token every request must carry
 * (null = none); {@code maxInflight} bounds the requests measured at once; {@code maxRequestBytes}
 * bounds a request body; {@code maxConnections} bounds the client connections open at once;
 * {@code readLimit} is the time a client has to send its whole request (line, headers, body);
 * {@code logClients} puts client addresses in the request log.
 */
public record HelperConfig(
    InetSocketAddress listen,
    InetSocketAddress resolver,
    Trust trust,
    Duration timeout,
    boolean allowPrivate,
    String token,
    int maxInflight,
    int maxRequestBytes,
    int maxConnections,
    Duration readLimit,
    boolean logClients) {

  public static final int DEFAULT_MAX_INFLIGHT = 16;
  public static final int DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;
  public static final int DEFAULT_MAX_CONNECTIONS = 128;
  public static final Duration DEFAULT_READ_LIMIT = Duration.ofSeconds(10);

  /** With the default connection cap and read limit, client addresses not logged. */
  public HelperConfig(InetSocketAddress listen, InetSocketAddress resolver, Trust trust, Duration timeout,
      boolean allowPrivate, String token, int maxInflight, int maxRequestBytes) {
    this(listen, resolver, trust, timeout, allowPrivate, token, maxInflight, maxRequestBytes,
        DEFAULT_MAX_CONNECTIONS, DEFAULT_READ_LIMIT, false);
  }

  public HelperConfig {
    if (resolver.isUnresolved()) {
      throw new IllegalArgumentException("the helper's resolver must be an IP address: " + resolver);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive: " + timeout);
    }
    if (maxInflight < 1 || maxRequestBytes < 1 || maxConnections < 1 || readLimit.isNegative() || readLimit.isZero()) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (token != null && token.isBlank()) {
      throw new IllegalArgumentException("the bearer token is empty");
    }
  }

  /**
   * The most a measurement may take: DNS (with a TCP retry of a truncated reply), then TCP+TLS and
   * HTTP side by side, each two operations long.
   */
  public Duration requestLimit() {
    return timeout.multipliedBy(5);
  }
}
