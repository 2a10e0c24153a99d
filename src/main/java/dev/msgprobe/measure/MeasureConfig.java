package dev.msgprobe.measure;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to measure. {@code resolver} is the resolver under test; {@code dohUrls} the trusted DoH
 * resolvers (URLs whose host is an IP literal; empty = DoH disabled); {@code caFile} extra trusted CAs
 * (null = none); {@code timeout} bounds every single network operation; {@code retryDelay} spaces a
 * failed step from its retry; {@code bodyCap} caps recorded HTTP bodies; {@code transferBytes} is the
 * size of a throughput transfer; {@code resolverEchoName} is a name whose A answer is the address of
 * the resolver that really asked (null = skip); {@code maxRedirects} bounds redirects followed by hand.
 */
public record MeasureConfig(
    InetSocketAddress resolver,
    List<String> dohUrls,
    Path caFile,
    String decoySni,
    Duration timeout,
    Duration retryDelay,
    int bodyCap,
    long transferBytes,
    String resolverEchoName,
    int maxRedirects) {

  /** The HTTP body recorded per response, at most. */
  public static final int BODY_CAP = 64 * 1024;
  /** Redirects followed by hand, at most. */
  public static final int MAX_REDIRECTS = 10;
  /** A retry waits a quarter of the timeout, and never more than a second. */
  private static final int RETRY_DELAY_PER_TIMEOUT = 4;
  private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(1);

  /** The pause before a retry when every network operation is bounded by {@code timeout}. */
  public static Duration retryDelayFor(Duration timeout) {
    return Duration.ofMillis(Math.min(MAX_RETRY_DELAY.toMillis(), timeout.toMillis() / RETRY_DELAY_PER_TIMEOUT));
  }

  public MeasureConfig {
    dohUrls = List.copyOf(dohUrls);
  }
}
