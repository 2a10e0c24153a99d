package dev.msgprobe.net;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.Transfer;
import dev.msgprobe.trace.Trace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The throughput and stall probe: a download or an upload over a connection the caller opened, every
 * {@code sampleInterval} the cumulative byte count recorded as a network event, the outcome one
 * {@link Transfer}.
 *
 * <p>Download: one HTTP/1.1 GET (with {@code Connection: close}), read until {@code targetBytes} have
 * arrived (response head included), the response ends, the peer fails, or the deadline passes; samples
 * are {@code bytes_received_cumulative}. Target reached or response complete: failure null. No byte
 * within {@code firstByteTimeout}: {@code generic_timeout_error}. Some bytes, then none for
 * {@code stallWindow}, the connection still open: {@code stalled} and {@code generic_timeout_error}.
 * Deadline passed while data still flowed: {@code generic_timeout_error}, not stalled. These rules are
 * {@link ByteProgress}'s, on an injected clock; a read waits no longer than the next rule's decision. Reset, or a
 * close before a declared Content-Length was complete: the taxonomy's failure ({@code connection_reset},
 * {@code eof_error}). {@code seconds} runs from the request to the last byte received, so a stall's
 * silent wait does not dilute the goodput ({@code bytes * 8 / 1000 / seconds}).
 *
 * <p>Upload: see {@link #upload}.
 */
public final class TransferProbe {
  private static final int CHUNK = 16 * 1024;
  private static final String RECEIVED = "bytes_received_cumulative";

  private final long firstByteNanos;
  private final long stallNanos;
  private final long deadlineNanos;
  private final Duration sampleInterval;
  private final ToLongFunction<Socket> sendQueue;
  private final LongSupplier nanos;

  public TransferProbe(Duration firstByteTimeout, Duration stallWindow, Duration deadline, Duration sampleInterval) {
    this(firstByteTimeout, stallWindow, deadline, sampleInterval, SendQueue::unacknowledged, System::nanoTime);
  }

  /**
   * {@code sendQueue} tells an upload's unacknowledged bytes, -1 when unknown (tests pass one that never
   * knows); {@code nanos} is the clock the stall, silence and deadline rules ({@link ByteProgress}) read.
   */
  TransferProbe(Duration firstByteTimeout, Duration stallWindow, Duration deadline, Duration sampleInterval,
      ToLongFunction<Socket> sendQueue, LongSupplier nanos) {
    this.sendQueue = sendQueue;
    this.nanos = nanos;
    this.firstByteNanos = Math.max(1, firstByteTimeout.toNanos());
    this.stallNanos = Math.max(1, stallWindow.toNanos());
    this.deadlineNanos = deadline.toNanos();
    this.sampleInterval = sampleInterval;
  }

  /**
   * Downloads {@code path} from {@code host} over {@code socket}, which is closed when this returns.
   *
   * @param serverName the SNI the connection was made with, or null (recorded only)
   */
  public Transfer download(Socket socket, String serverName, String host, String path, long targetBytes, Trace trace,
      long transactionId, List<String> tags) {
    List<String> entryTags = List.copyOf(tags);
    String address = IpEndpoint.join(socket.getInetAddress().getHostAddress(), socket.getPort());
    AtomicLong received = new AtomicLong();
    AtomicBoolean finished = new AtomicBoolean();
    Thread sampler = daemon("msgprobe-transfer-sampler",
        () -> sample(received, finished, address, trace, transactionId, entryTags));
    double t0 = trace.now();
    ByteProgress flow = null;
    Outcome outcome;
    try {
      socket.getOutputStream().write(request(host, path));
      socket.getOutputStream().flush();
      flow = new ByteProgress(nanos.getAsLong(), firstByteNanos, stallNanos, deadlineNanos);
      sampler.start();
      outcome = receive(socket.getInputStream(), socket, targetBytes, flow, received);
    } catch (IOException e) {
      outcome = new Outcome(FailureTaxonomy.classify(e), false);
    } finally {
      finished.set(true);
      sampler.interrupt();
      Sockets.closeQuietly(socket);
    }
    joinQuietly(sampler);
    double t = trace.now();
    long bytes = received.get();
    trace.add(sample(address, RECEIVED, bytes, t, entryTags, transactionId));
    double seconds = flow == null ? 0 : flow.activeSeconds();
    Transfer transfer = transfer(address, serverName, "download", targetBytes, bytes, seconds, outcome.stalled(),
        outcome.failure(), t0, t, entryTags, transactionId);
    trace.add(transfer);
    return transfer;
  }

  /**
   * Uploads {@code bodyBytes} random bytes to {@code host}: {@code POST path} with that Content-Length
   * and {@code Connection: close}, the body written in 1 KiB writes with Nagle off, then waits for the
   * response's status line. Samples are {@code bytes_sent_cumulative}: the body bytes written so far.
   * Both sockets are closed when this returns.
   *
   * <p>Bytes written are not bytes delivered: some may still sit in this machine's kernel. {@code bytes}
   * is a conservative estimate of what reached the peer: what it acknowledged (Linux tells), else the
   * bytes written minus {@code tcp}'s {@code SO_SNDBUF}, floored at 0, which is why {@code tcp} should be
   * dialled with a small send buffer; after a stall, the larger of the two (see {@link Upload}).
   * Outcomes: the status line arrived (even before the whole body was written, the server having
   * answered early): failure null, {@code seconds} up to the status line. No byte acknowledged (no
   * write returned, where acknowledgements are unknown) for {@code stallWindow}, or all was written and
   * no status line came within it, the connection still open: {@code generic_timeout_error}, and
   * {@code stalled} when {@code bytes} is above 0; {@code seconds} up to the last progress. Deadline
   * passed while bytes still moved: {@code generic_timeout_error}, not stalled. Reset, or a close before
   * the status line: the taxonomy's failure ({@code connection_reset}, {@code eof_error}).
   *
   * @param socket the connection to write on: {@code tcp} itself, or a TLS socket over it
   * @param tcp the TCP socket under {@code socket}, closed to end a write that cannot progress
   * @param serverName the SNI the connection was made with, or null (recorded only)
   */
  public Transfer upload(Socket socket, Socket tcp, String serverName, String host, String path, long bodyBytes,
      Trace trace, long transactionId, List<String> tags) {
    return new Upload(socket, tcp, sendQueue, trace, tags, transactionId, nanos, stallNanos, deadlineNanos,
        sampleInterval.toMillis()).run(serverName, host, path, bodyBytes);
  }

  /** How a download ended: its failure (null when complete) and whether the data stopped. */
  private record Outcome(String failure, boolean stalled) {}

  /**
   * Reads until the target, the declared end or the end of the stream, or until {@code flow} says the
   * download is over (silent, stalled, or past its deadline): each read waits at most until its next
   * decision, so no read outlives a rule.
   */
  private Outcome receive(InputStream in, Socket socket, long targetBytes, ByteProgress flow, AtomicLong received)
      throws IOException {
    byte[] chunk = new byte[CHUNK];
    ByteArrayOutputStream headProbe = new ByteArrayOutputStream();
    long expected = -1;
    long total = 0;
    while (total < targetBytes && (expected < 0 || total < expected)) {
      long now = nanos.getAsLong();
      if (flow.over(now)) {
        return new Outcome(Failures.GENERIC_TIMEOUT, flow.state(now) == ByteProgress.State.STALLED);
      }
      socket.setSoTimeout(millisCeil(flow.untilNextDecision(now)));
      int n;
      try {
        n = in.read(chunk);
      } catch (SocketTimeoutException e) {
        continue; // the rule due now decides, at the top of the loop
      }
      if (n == -1) {
        return new Outcome(expected >= 0 ? Failures.EOF : null, false);
      }
      total += n;
      received.set(total);
      flow.observe(nanos.getAsLong(), total);
      if (expected < 0 && headProbe.size() < Http1Head.MAX_BYTES) {
        headProbe.write(chunk, 0, n);
        expected = expectedTotal(headProbe.toByteArray());
      }
    }
    return new Outcome(null, false);
  }

  private static int millisCeil(long nanos) {
    return Math.toIntExact(Math.min(Integer.MAX_VALUE, Math.max(1, (nanos + 999_999) / 1_000_000)));
  }

  /** Head plus declared body length, once the head is complete and declares one; else -1. */
  private static long expectedTotal(byte[] start) {
    if (!new String(start, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
      return -1;
    }
    try {
      Http1Head head = Http1Head.read(new ByteArrayInputStream(start));
      return head.contentLength() < 0 ? -1 : head.length() + head.contentLength();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Records the count every sample interval until the download finishes. */
  private void sample(AtomicLong received, AtomicBoolean finished, String address, Trace trace, long transactionId,
      List<String> tags) {
    try {
      while (!finished.get()) {
        Thread.sleep(sampleInterval.toMillis());
        double now = trace.now();
        if (finished.get()) {
          return;
        }
        trace.add(sample(address, RECEIVED, received.get(), now, tags, transactionId));
      }
    } catch (InterruptedException e) {
      // the transfer finished
    }
  }

  /** A cumulative sample: {@code operation} is {@code bytes_received_cumulative} or {@code bytes_sent_cumulative}. */
  static NetworkEvent sample(String address, String operation, long bytes, double t, List<String> tags,
      long transactionId) {
    return new NetworkEvent(address, null, bytes, operation, "tcp", t, t, tags, transactionId);
  }

  /** The record of a transfer, its goodput ({@code bytes * 8 / 1000 / seconds}) computed, figures rounded to ms. */
  static Transfer transfer(String address, String serverName, String direction, long targetBytes, long bytes,
      double seconds, boolean stalled, String failure, double t0, double t, List<String> tags, long transactionId) {
    double goodput = seconds > 0 ? bytes * 8 / 1000.0 / seconds : 0;
    return new Transfer(address, serverName, direction, targetBytes, bytes, round(seconds), round(goodput), stalled,
        failure, t0, t, tags, transactionId);
  }

  /** A thread of {@link Threads}' kind (virtual where the runtime has them), not started. */
  static Thread daemon(String name, Runnable body) {
    return Threads.factory(name).newThread(body);
  }

  private static byte[] request(String host, String path) {
    return ("GET " + path + " HTTP/1.1\r\n"
        + "Host: " + host + "\r\n"
        + "User-Agent: " + MeasurementHeaders.USER_AGENT + "\r\n"
        + "Accept: */*\r\n"
        + "Accept-Encoding: identity\r\n"
        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  static void joinQuietly(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
