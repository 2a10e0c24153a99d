package dev.msgprobe.helper;

import dev.msgprobe.model.Failures;
import dev.msgprobe.net.DnsExchange;
import dev.msgprobe.net.DnsQueryType;
import dev.msgprobe.net.DnsTcpTransport;
import dev.msgprobe.net.DnsUdpTransport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.DoubleSupplier;

/**
 * The helper's view of a name, as netxlite's parallel resolver gives it to oohelperd: A and AAAA
 * asked at once over UDP (a truncated reply asked again over TCP); the addresses are the A answers
 * then the AAAA answers; when both queries fail the failure is the A query's. Thread-safe.
 */
final class HelperResolver {
  private static final DoubleSupplier NO_CLOCK = () -> 0;
  private static final int TC_FLAG = 0x02;

  private final DnsUdpTransport udp;
  private final DnsTcpTransport tcp;
  private final ExecutorService executor;

  /** What a lookup gave: addresses in order (A then AAAA), or the current OONI failure. */
  record Lookup(List<String> addresses, String failure) {}

  HelperResolver(InetSocketAddress resolver, Duration timeout, ExecutorService executor) {
    this.udp = new DnsUdpTransport(resolver, timeout, Duration.ZERO);
    this.tcp = new DnsTcpTransport(resolver, timeout);
    this.executor = executor;
  }

  Lookup lookup(String host) {
    Future<DnsExchange> a = executor.submit(() -> exchange(host, DnsQueryType.A));
    Future<DnsExchange> aaaa = executor.submit(() -> exchange(host, DnsQueryType.AAAA));
    DnsExchange first = await(a);
    DnsExchange second = await(aaaa);
    if (first.failure() != null && second.failure() != null) {
      return new Lookup(List.of(), first.failure());
    }
    List<String> addresses = new ArrayList<>(first.addresses());
    addresses.addAll(second.addresses());
    return new Lookup(List.copyOf(addresses), null);
  }

  private DnsExchange exchange(String host, DnsQueryType type) {
    DnsExchange reply;
    try {
      reply = udp.exchange(host, type, NO_CLOCK).first();
    } catch (IllegalArgumentException notADnsName) {
      return failed(host, type, Failures.UNKNOWN);
    }
    byte[] raw = reply.rawResponse();
    boolean truncated = raw != null && raw.length > 2 && (raw[2] & TC_FLAG) != 0;
    return truncated ? tcp.exchange(host, type, NO_CLOCK) : reply;
  }

  private static DnsExchange await(Future<DnsExchange> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return failed("", DnsQueryType.A, Failures.INTERRUPTED);
    } catch (ExecutionException e) {
      throw new IllegalStateException("DNS transport failed unexpectedly", e.getCause());
    }
  }

  private static DnsExchange failed(String host, DnsQueryType type, String failure) {
    return new DnsExchange("udp", "", host, type, null, null, null, failure, 0, 0);
  }
}
