package dev.msgprobe.measure;

import dev.msgprobe.model.TransferMode;
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
 * the resolver that really asked (null = skip); {@code maxRedirects} bounds redirects followed by hand;
 * {@code transfers} picks the endpoints that get a transfer.
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
    int maxRedirects,
    TransferMode transfers) {

  public MeasureConfig {
    dohUrls = List.copyOf(dohUrls);
  }
}
