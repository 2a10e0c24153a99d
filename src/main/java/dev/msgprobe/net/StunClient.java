package dev.msgprobe.net;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.trace.Trace;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One STUN Binding transaction over UDP with the RFC 8489 retransmission schedule. Every datagram
 * sent and received is recorded in the trace as a {@code write} or {@code read} network event
 * (proto {@code udp}); the first well-formed response to the transaction ends it. Datagrams that are
 * not such a response are recorded and ignored. Failures: {@code generic_timeout_error} after the
 * whole schedule in silence, {@link #MALFORMED} when only malformed datagrams came,
 * {@code connection_refused} on an ICMP port unreachable, else the taxonomy's string.
 * The mapped address is returned in the outcome and never recorded. Thread-safe.
 */
public final class StunClient {
  /** The failure of a transaction that got datagrams back, none of them a response to it. */
  public static final String MALFORMED = Failures.UNKNOWN + ": malformed STUN reply";
  private static final int MAX_DATAGRAM = 65_535;

  private final StunSchedule schedule;
  private final LinkFactory links;
  private final Random random;

  public StunClient(StunSchedule schedule) {
    this(schedule, UdpLink::open, new SecureRandom());
  }

  StunClient(StunSchedule schedule, LinkFactory links, Random random) {
    this.schedule = schedule;
    this.links = links;
    this.random = random;
  }

  /**
   * Runs one Binding transaction with {@code server}; times come from the trace's clock.
   *
   * @param minBytes pad the request to at least this many bytes (0 for a minimal request)
   */
  public StunOutcome bind(InetSocketAddress server, int minBytes, Trace trace, long transactionId, List<String> tags) {
    String address = IpEndpoint.join(server.getAddress().getHostAddress(), server.getPort());
    byte[] id = new byte[StunMessages.TRANSACTION_ID_BYTES];
    random.nextBytes(id);
    byte[] request = StunMessages.bindingRequest(id, minBytes, true);
    Exchange x = new Exchange(address, trace, transactionId, List.copyOf(tags));
    try (Link link = links.open(server)) {
      x.run(link, request, id);
    } catch (IOException e) {
      x.fail(FailureTaxonomy.classify(e));
    }
    return new StunOutcome(address, x.failure, x.reply, request.length, x.sent, x.start, trace.now());
  }

  private final class Exchange {
    final String address;
    final Trace trace;
    final long transactionId;
    final List<String> tags;
    double start;
    int sent;
    boolean sawMalformed;
    /** The operation under way, for the event of a failure. */
    String operation = "write";
    StunReply reply;
    String failure;

    Exchange(String address, Trace trace, long transactionId, List<String> tags) {
      this.address = address;
      this.trace = trace;
      this.transactionId = transactionId;
      this.tags = tags;
    }

    void run(Link link, byte[] request, byte[] id) throws IOException {
      List<Double> offsets = schedule.sendOffsets();
      double giveUp = schedule.giveUpAfter();
      start = trace.now();
      while (true) {
        double elapsed = trace.now() - start;
        if (sent < offsets.size() && elapsed >= offsets.get(sent)) {
          double t0 = trace.now();
          operation = "write";
          link.send(request);
          sent++;
          event("write", request.length, t0);
          continue;
        }
        double due = sent < offsets.size() ? offsets.get(sent) : giveUp;
        if (sent == offsets.size() && elapsed >= giveUp) {
          failure = sawMalformed ? MALFORMED : Failures.GENERIC_TIMEOUT;
          return;
        }
        double t0 = trace.now();
        operation = "read";
        byte[] datagram = link.receive(Math.max(1, Math.round((due - elapsed) * 1e9)));
        if (datagram == null) {
          continue;
        }
        event("read", datagram.length, t0);
        try {
          reply = StunMessages.parseResponse(datagram, id);
          return;
        } catch (StunMessages.Malformed m) {
          sawMalformed = true;
        }
      }
    }

    void fail(String why) {
      failure = why;
      double t = trace.now();
      trace.add(new NetworkEvent(address, why, null, operation, "udp", t, t, tags, transactionId));
    }

    void event(String op, long bytes, double t0) {
      trace.add(new NetworkEvent(address, null, bytes, op, "udp", t0, trace.now(), tags, transactionId));
    }
  }

  /** A connected UDP association with one server. */
  interface Link extends Closeable {
    void send(byte[] datagram) throws IOException;

    /** The next datagram from the server, or null when none came within {@code waitNanos}. */
    byte[] receive(long waitNanos) throws IOException;
  }

  interface LinkFactory {
    Link open(InetSocketAddress server) throws IOException;
  }

  /** A connected datagram channel, so an ICMP port unreachable surfaces as an exception. */
  private static final class UdpLink implements Link {
    private final DatagramChannel channel;
    private final Selector selector;
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);

    private UdpLink(DatagramChannel channel, Selector selector) {
      this.channel = channel;
      this.selector = selector;
    }

    static Link open(InetSocketAddress server) throws IOException {
      DatagramChannel channel = DatagramChannel.open(server.getAddress().getAddress().length == 4
          ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
      try {
        channel.connect(server);
        channel.configureBlocking(false);
        Selector selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
        return new UdpLink(channel, selector);
      } catch (IOException | RuntimeException e) {
        Sockets.closeQuietly(channel);
        throw e;
      }
    }

    @Override
    public void send(byte[] datagram) throws IOException {
      channel.write(ByteBuffer.wrap(datagram));
    }

    @Override
    public byte[] receive(long waitNanos) throws IOException {
      buffer.clear();
      if (channel.read(buffer) <= 0) {
        selector.select(Math.max(1, waitNanos / 1_000_000));
        selector.selectedKeys().clear();
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("interrupted while waiting for a STUN reply");
        }
        if (channel.read(buffer) <= 0) {
          return null;
        }
      }
      return Arrays.copyOf(buffer.array(), buffer.position());
    }

    @Override
    public void close() throws IOException {
      Sockets.closeQuietly(selector);
      channel.close();
    }
  }
}
