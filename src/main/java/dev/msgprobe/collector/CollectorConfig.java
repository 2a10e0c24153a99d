package dev.msgprobe.collector;

import dev.msgprobe.store.Store;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * How a collector runs. {@code tokens} maps each accepted bearer token to the probe it names (empty:
 * no authentication, every probe is {@code anonymous}); {@code tls} null serves plain HTTP;
 * {@code maxInflight} bounds the requests handled at once (more get 503); {@code maxRequestBytes}
 * bounds a request body (larger: 413); {@code requestLimit} bounds the time to read and answer one
 * request.
 */
public record CollectorConfig(InetSocketAddress listen, Store store, Map<String, String> tokens, SSLContext tls,
    int maxInflight, int maxRequestBytes, Duration requestLimit) {
  public static final int DEFAULT_MAX_INFLIGHT = 32;
  public static final int DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

  public CollectorConfig {
    tokens = Map.copyOf(tokens);
    if (maxInflight < 1 || maxRequestBytes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
