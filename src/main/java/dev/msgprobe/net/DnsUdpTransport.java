package dev.msgprobe.net;

import dev.msgprobe.model.Failures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.xbill.DNS.Message;

/**
 * DNS over UDP the way censorship shows up: a new connected socket per query (so ICMP errors
 * surface and no state leaks between queries), the first valid reply returned, and the socket kept
 * open until {@code min(timeout, first reply + grace)} to collect late replies, which dnsjava's
 * {@code SimpleResolver} would hide (ooni/probe-cli:internal/netxlite/dnsoverudp.go does the same).
 * Datagrams with another ID or question are ignored; when nothing valid arrives, the failure is
 * {@code dns_reply_with_wrong_query_id} or {@code dns_server_misbehaving} if such datagrams came,
 * else {@code generic_timeout_error}; an ICMP port unreachable is {@code connection_refused}.
 * Thread-safe; honours interruption (failure {@code interrupted}, replies so far kept).
 */
public final class DnsUdpTransport {
  /** How long to keep listening after the first reply, by default. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(1);

  private static final int MAX_DATAGRAM = 65_535;

  private final InetSocketAddress resolver;
  private final String resolverAddress;
  private final long timeoutNanos;
  private final long graceNanos;
  private final LongSupplier nanos;

  /** @throws IllegalArgumentException when {@code resolver} is an unresolved name */
  public DnsUdpTransport(InetSocketAddress resolver, Duration timeout, Duration grace) {
    this(resolver, timeout, grace, System::nanoTime);
  }

  /** With the listening window measured on {@code nanos} (tests pass a virtual clock). */
  DnsUdpTransport(InetSocketAddress resolver, Duration timeout, Duration grace, LongSupplier nanos) {
    this.nanos = nanos;
    this.resolver = resolver;
    this.resolverAddress = DnsMessages.endpoint(resolver);
    this.timeoutNanos = timeout.toNanos();
    this.graceNanos = grace.toNanos();
  }

  public DnsUdpReplies exchange(String hostname, DnsQueryType type, DoubleSupplier clock) {
    Message query = DnsMessages.query(hostname, type);
    Replies replies = new Replies(query, new DnsReplyRecorder("udp", resolverAddress, hostname, type, clock));
    try (DatagramChannel channel = DatagramChannel.open(resolver.getAddress().getAddress().length == 4
        ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        Selector selector = Selector.open()) {
      channel.connect(resolver);
      channel.configureBlocking(false);
      channel.register(selector, SelectionKey.OP_READ);
      channel.write(ByteBuffer.wrap(query.toWire()));
      listen(channel, selector, replies);
    } catch (IOException e) {
      replies.fail(FailureTaxonomy.classify(e));
    }
    return replies.result();
  }

  private void listen(DatagramChannel channel, Selector selector, Replies replies) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    ListeningWindow window = new ListeningWindow(nanos, timeoutNanos, graceNanos);
    for (long left = window.left(); left > 0; left = window.left()) {
      selector.select(Math.max(1, left / 1_000_000));
      if (Thread.currentThread().isInterrupted()) {
        replies.fail(Failures.INTERRUPTED);
        return;
      }
      selector.selectedKeys().clear();
      for (buffer.clear(); channel.read(buffer) > 0; buffer.clear()) {
        if (replies.accept(Arrays.copyOf(buffer.array(), buffer.position()))) {
          window.replied();
        }
      }
    }
  }

  /** The replies collected for one query. */
  private static final class Replies {
    final Message query;
    final DnsReplyRecorder recorder;
    final List<DnsExchange> late = new ArrayList<>();
    DnsExchange first;
    /** The exchange ended early (I/O error, interruption) before any valid reply. */
    DnsExchange failed;
    /** Why the last invalid datagram was rejected, wrong IDs first. */
    String stray;

    Replies(Message query, DnsReplyRecorder recorder) {
      this.query = query;
      this.recorder = recorder;
    }

    /** Records {@code wire} if it is a valid reply; true when it was. */
    boolean accept(byte[] wire) {
      double t = recorder.now();
      Message reply;
      try {
        reply = DnsMessages.parseReply(query, wire);
      } catch (DnsMessages.BadReply bad) {
        if (stray == null || bad.failure.equals(Failures.DNS_WRONG_QUERY_ID)) {
          stray = bad.failure;
        }
        return false;
      }
      DnsExchange exchange = recorder.answered(reply, wire, t);
      if (first == null) {
        first = exchange;
      } else {
        late.add(exchange);
      }
      return true;
    }

    void fail(String failure) {
      if (failed == null) {
        failed = recorder.failed(failure);
      }
    }

    DnsUdpReplies result() {
      if (first != null) {
        return new DnsUdpReplies(first, late);
      }
      if (failed != null) {
        return new DnsUdpReplies(failed, List.of());
      }
      return new DnsUdpReplies(recorder.failed(stray != null ? stray : Failures.GENERIC_TIMEOUT), List.of());
    }
  }
}
