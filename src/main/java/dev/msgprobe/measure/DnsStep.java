package dev.msgprobe.measure;

import dev.msgprobe.model.BinaryData;
import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.Tags;
import dev.msgprobe.net.Bogons;
import dev.msgprobe.net.IpLiterals;
import dev.msgprobe.net.DnsExchange;
import dev.msgprobe.net.DnsOverHttps;
import dev.msgprobe.net.DnsQueryType;
import dev.msgprobe.net.DnsTcpTransport;
import dev.msgprobe.net.DnsTransport;
import dev.msgprobe.net.DnsUdpReplies;
import dev.msgprobe.net.DnsUdpTransport;
import dev.msgprobe.net.Threads;
import dev.msgprobe.net.Trust;
import dev.msgprobe.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleSupplier;

/**
 * The DNS step of every plan (docs/design/measurement.md, "DNS"). For one host and each query type
 * (A, and AAAA when asked for), concurrently: the resolver under test over UDP, over TCP, and every
 * trusted DoH resolver. Recorded once all are done, in a fixed order whatever the timing: the first UDP
 * reply tagged {@code system}, its late replies {@code system}+{@code late} (same transaction), then
 * {@code tcp-dns}, then {@code doh} per resolver in configuration order; each exchange with a
 * {@code resolve_start}/{@code resolve_done} network event pair. An IP-literal host is not
 * queried. Returns within about the configured timeout; when the calling thread is interrupted it
 * records the exchanges already finished and returns. Thread-safe.
 */
public final class DnsStep implements HostResolver {
  private final DnsUdpTransport udp;
  private final DnsTransport tcp;
  private final List<DnsTransport> doh;
  private final String resolverEchoName;
  private final List<DnsQueryType> types;
  private final ExecutorService executor = Executors.newCachedThreadPool(Threads.factory("msgprobe-dns"));

  /** From the run's configuration, A queries only. */
  public DnsStep(MeasureConfig config, Trust trust) {
    this(config, trust, false);
  }

  /**
   * From the run's configuration; {@code queryAaaa} adds AAAA queries (the machine has a global IPv6
   * route). UDP keeps listening up to {@link DnsUdpTransport#DEFAULT_GRACE} after the first reply.
   *
   * @throws IllegalArgumentException when a DoH URL's host is not an IP literal
   */
  public DnsStep(MeasureConfig config, Trust trust, boolean queryAaaa) {
    this(new DnsUdpTransport(config.resolver(), config.timeout(), DnsUdpTransport.DEFAULT_GRACE),
        new DnsTcpTransport(config.resolver(), config.timeout()),
        config.dohUrls().stream().map(url -> new DnsOverHttps(url, Map.of(), trust, config.timeout())).toList(),
        config.resolverEchoName(), queryAaaa);
  }

  /**
   * @param udp and {@code tcp}: the resolver under test
   * @param doh the trusted resolvers, in the order their entries are recorded
   * @param resolverEchoName the name {@link #resolverEcho} asks for (null = none)
   */
  public DnsStep(DnsUdpTransport udp, DnsTransport tcp, List<? extends DnsTransport> doh, String resolverEchoName,
      boolean queryAaaa) {
    this.udp = udp;
    this.tcp = tcp;
    this.doh = List.copyOf(doh);
    this.resolverEchoName = resolverEchoName;
    this.types = queryAaaa ? List.of(DnsQueryType.A, DnsQueryType.AAAA) : List.of(DnsQueryType.A);
  }

  @Override
  public Resolution resolve(String host, Trace trace) {
    if (IpLiterals.isLiteral(host)) {
      return new Resolution(List.of(host), Bogons.isBogon(host) ? List.of() : List.of(host), List.of());
    }
    DoubleSupplier clock = trace::now;
    List<Future<DnsUdpReplies>> overUdp = new ArrayList<>();
    List<Future<DnsExchange>> overTcp = new ArrayList<>();
    List<Future<DnsExchange>> overDoh = new ArrayList<>();
    for (DnsQueryType type : types) {
      overUdp.add(executor.submit(() -> udp.exchange(host, type, clock)));
      overTcp.add(executor.submit(() -> tcp.exchange(host, type, clock)));
    }
    for (DnsTransport trusted : doh) {
      for (DnsQueryType type : types) {
        overDoh.add(executor.submit(() -> trusted.exchange(host, type, clock)));
      }
    }

    List<String> systemAddresses = new ArrayList<>();
    for (Future<DnsUdpReplies> future : overUdp) {
      DnsUdpReplies replies = await(future);
      if (replies != null) {
        systemAddresses.addAll(record(trace, replies, Tags.SYSTEM));
      }
    }
    recordEach(trace, overTcp, Tags.TCP_DNS);
    List<String> trustedAddresses = recordEach(trace, overDoh, Tags.DOH).stream().distinct().toList();
    return new Resolution(systemAddresses,
        systemAddresses.stream().filter(a -> !Bogons.isBogon(a)).toList(), trustedAddresses);
  }

  /**
   * Asks the resolver under test, over UDP, for the resolver-echo name, whose answer is the address
   * of the resolver that really asked; records it tagged {@code resolver-echo} (late replies also
   * {@code late}). Meant once per run. Returns the first reply's entry, or null when no name is
   * configured.
   */
  public DnsQuery resolverEcho(Trace trace) {
    if (resolverEchoName == null) {
      return null;
    }
    DnsUdpReplies replies = udp.exchange(resolverEchoName, DnsQueryType.A, trace::now);
    long transaction = trace.newTransaction();
    DnsQuery first = record(trace, replies.first(), transaction, List.of(Tags.RESOLVER_ECHO));
    for (DnsExchange late : replies.late()) {
      record(trace, late, transaction, List.of(Tags.RESOLVER_ECHO, Tags.LATE));
    }
    return first;
  }

  /** Records one UDP query's replies tagged {@code tag} (late ones also {@code late}); returns the first reply's addresses. */
  private static List<String> record(Trace trace, DnsUdpReplies replies, String tag) {
    long transaction = trace.newTransaction();
    record(trace, replies.first(), transaction, List.of(tag));
    for (DnsExchange late : replies.late()) {
      record(trace, late, transaction, List.of(tag, Tags.LATE));
    }
    return replies.first().addresses();
  }

  /** Records each finished exchange tagged {@code tag}, in order; returns their addresses. */
  private static List<String> recordEach(Trace trace, List<Future<DnsExchange>> futures, String tag) {
    List<String> addresses = new ArrayList<>();
    for (Future<DnsExchange> future : futures) {
      DnsExchange exchange = await(future);
      if (exchange != null) {
        record(trace, exchange, trace.newTransaction(), List.of(tag));
        addresses.addAll(exchange.addresses());
      }
    }
    return addresses;
  }

  private static DnsQuery record(Trace trace, DnsExchange e, long transaction, List<String> tags) {
    DnsQuery query = new DnsQuery(e.answers(), e.engine(), e.failure(), e.hostname(), e.queryType().name(),
        e.rawResponse() == null ? null : BinaryData.of(e.rawResponse()), e.rcode(), e.resolverAddress(),
        null, null, e.t0(), e.t(), tags, transaction);
    trace.add(query);
    if (!tags.contains(Tags.LATE)) {
      trace.add(new NetworkEvent(e.resolverAddress(), null, null, "resolve_start", e.engine(), e.t0(), e.t0(), tags,
          transaction));
      trace.add(new NetworkEvent(e.resolverAddress(), e.failure(), null, "resolve_done", e.engine(), e.t0(), e.t(),
          tags, transaction));
    }
    return query;
  }

  /** The task's result; null when the caller is interrupted before it is done (the task is then cancelled). */
  private static <T> T await(Future<T> future) {
    if (Thread.currentThread().isInterrupted() && !future.isDone()) {
      future.cancel(true);
      return null;
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("DNS transport failed unexpectedly", e.getCause());
    }
  }
}
