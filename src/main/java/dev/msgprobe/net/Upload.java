package dev.msgprobe.net;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Transfer;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * One upload of the throughput probe ({@link TransferProbe#upload}). The caller's thread writes the
 * request and its random body in {@link #CHUNK}-byte writes; a reader thread waits for the response's
 * status line; a watcher thread records {@code bytes_sent_cumulative} every sample interval, follows
 * what was delivered, and ends the upload (by closing the TCP socket, which unblocks a write no
 * timeout bounds) when it stalls or outlives its deadline. Both threads end before {@link #run} returns.
 *
 * <p>Delivered bytes. Acknowledged: the body bytes written minus what the kernel still holds
 * unacknowledged ({@link SendQueue} on Linux; an underestimate by the TLS overhead of those bytes).
 * Estimated: the body bytes written minus {@code SO_SNDBUF} as reported (the kernel holds at most
 * about that much payload of 1 KiB segments: it allows twice the size but charges each segment its
 * buffer overhead). A flowing upload counts what was acknowledged (the estimate when the kernel does
 * not say). A stalled one counts the larger of the two: a censor that freezes a connection drops the
 * acknowledgements of bytes that did reach the server, so on a long path the acknowledged count alone
 * can stay near zero.
 */
final class Upload {
  /** Small writes, so the count of bytes written moves with every acknowledgement that frees the buffer. */
  static final int CHUNK = 1024;
  private static final int STATUS_LINE_MAX = 1024;
  private static final String OPERATION = "bytes_sent_cumulative";

  /** What ended the upload before its writes and reads did, if anything. */
  private enum Cut { NONE, RESPONSE, STALL, DEADLINE }

  private final Socket socket;
  private final Socket tcp;
  private final ToLongFunction<Socket> sendQueue;
  private final Trace trace;
  private final String address;
  private final List<String> tags;
  private final long transactionId;
  private final LongSupplier nanos;
  private final long stallNanos;
  private final long deadlineNanos;
  private final long sampleMillis;
  private final long sendBuffer;

  private final AtomicLong written = new AtomicLong();
  private final AtomicReference<Cut> cut = new AtomicReference<>(Cut.NONE);
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  /** The delivery rules, fed by the watcher, read after it ended; the queue as the connection was closed, and when. */
  private ByteProgress flow;
  private volatile long unackedAtEnd = -1;
  private volatile long endNanos;
  private volatile boolean finished;

  Upload(Socket socket, Socket tcp, ToLongFunction<Socket> sendQueue, Trace trace, List<String> tags,
      long transactionId, LongSupplier nanos, long stallNanos, long deadlineNanos, long sampleMillis) {
    this.socket = socket;
    this.tcp = tcp;
    this.sendQueue = sendQueue;
    this.trace = trace;
    this.address = IpEndpoint.join(tcp.getInetAddress().getHostAddress(), tcp.getPort());
    this.tags = List.copyOf(tags);
    this.transactionId = transactionId;
    this.nanos = nanos;
    this.stallNanos = stallNanos;
    this.deadlineNanos = deadlineNanos;
    this.sampleMillis = sampleMillis;
    this.sendBuffer = sendBufferSize(tcp);
  }

  /** Posts {@code bodyBytes} to {@code path}, records the samples and the {@link Transfer}, closes both sockets. */
  Transfer run(String serverName, String host, String path, long bodyBytes) {
    double t0 = trace.now();
    // No acknowledged byte for the stall window counts from the start: the first-byte window is the stall window.
    flow = new ByteProgress(nanos.getAsLong(), stallNanos, stallNanos, deadlineNanos);
    endNanos = nanos.getAsLong();
    Thread reader = TransferProbe.daemon("msgprobe-upload-reader", this::awaitStatusLine);
    Thread watcher = TransferProbe.daemon("msgprobe-upload-watcher", this::watch);
    try {
      socket.setSoTimeout(0); // the watcher bounds the wait for the status line, whatever the handshake set
      // Without Nagle every write leaves as its own segment; held back, writes would pile into one
      // unsent segment that SO_SNDBUF does not bound, and "written" would run far ahead of "delivered".
      tcp.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      out.write(head(host, path, bodyBytes));
      reader.start();
      watcher.start();
      byte[] chunk = new byte[CHUNK];
      while (written.get() < bodyBytes && cut.get() == Cut.NONE) {
        int n = (int) Math.min(CHUNK, bodyBytes - written.get());
        ThreadLocalRandom.current().nextBytes(chunk);
        out.write(chunk, 0, n);
        written.addAndGet(n);
      }
    } catch (IOException e) {
      fail(e);
    }
    try {
      reader.join(); // a status line already received still counts after a failed write (the server answered early)
    } catch (InterruptedException e) {
      failure.compareAndSet(null, Failures.INTERRUPTED);
      Thread.currentThread().interrupt();
    } finally {
      finished = true;
      close(); // unblocks the reader
      watcher.interrupt();
      TransferProbe.joinQuietly(reader);
      TransferProbe.joinQuietly(watcher);
      Sockets.closeQuietly(socket);
    }
    double t = trace.now();
    trace.add(TransferProbe.sample(address, OPERATION, written.get(), t, tags, transactionId));
    boolean stall = cut.get() == Cut.STALL;
    long w = written.get();
    long estimated = Math.max(0, w - sendBuffer);
    long acknowledged = unackedAtEnd >= 0 ? Math.max(0, w - unackedAtEnd) : -1;
    long bytes = stall ? Math.max(acknowledged, estimated) : acknowledged >= 0 ? acknowledged : estimated;
    // A stall's silent wait is left out of the time, as for a download; otherwise up to the end.
    double seconds = bytes == 0 ? 0 : stall ? flow.activeSeconds() : flow.secondsUntil(endNanos);
    Transfer transfer = TransferProbe.transfer(address, serverName, "upload", bodyBytes, bytes, seconds,
        stall && bytes > 0, outcome(), t0, t, tags, transactionId);
    trace.add(transfer);
    return transfer;
  }

  /**
   * The failure: none once the server answered; a timeout when cut for a stall or the deadline; else
   * the first error a read or write saw; else the reader met the end of the stream: {@code eof_error}.
   */
  private String outcome() {
    return switch (cut.get()) {
      case RESPONSE -> null;
      case STALL, DEADLINE -> Failures.GENERIC_TIMEOUT;
      case NONE -> failure.get() == null ? Failures.EOF : failure.get();
    };
  }

  /**
   * Reads up to the end of the status line (the server answered: the writes are ended), or records why
   * none came. At the end of the stream the writes go on: they end, or meet the reset that usually
   * follows (the more telling failure), or stall.
   */
  private void awaitStatusLine() {
    try {
      InputStream in = socket.getInputStream();
      for (int n = 0; ; n++) {
        int b = in.read();
        if (b == -1) {
          return;
        }
        if (b == '\n' || n >= STATUS_LINE_MAX) {
          cut.compareAndSet(Cut.NONE, Cut.RESPONSE);
          close();
          return;
        }
      }
    } catch (IOException e) {
      fail(e);
      close();
    }
  }

  /**
   * Samples the bytes written and feeds what was delivered to {@link #flow}; cuts the upload when it
   * says so: no byte acknowledged (or, the queue unknown, no write returned) for the stall window, or
   * the deadline.
   */
  private void watch() {
    try {
      while (!finished) {
        Thread.sleep(sampleMillis);
        double t = trace.now();
        long now = nanos.getAsLong();
        if (finished || cut.get() != Cut.NONE) {
          return;
        }
        long w = written.get();
        trace.add(TransferProbe.sample(address, OPERATION, w, t, tags, transactionId));
        long unacked = sendQueue.applyAsLong(tcp);
        flow.observe(now, unacked >= 0 ? w - unacked : w);
        Cut reason = switch (flow.state(now)) {
          case STALLED, SILENT -> Cut.STALL;
          case DEADLINE -> Cut.DEADLINE;
          case WAITING, FLOWING -> Cut.NONE;
        };
        if (reason != Cut.NONE && cut.compareAndSet(Cut.NONE, reason)) {
          close();
          return;
        }
      }
    } catch (InterruptedException e) {
      // the upload finished
    }
  }

  /** Records the first error of a read or write, unless it came from this upload closing the socket. */
  private void fail(IOException e) {
    if (!closing.get()) {
      failure.compareAndSet(null, FailureTaxonomy.classify(e));
    }
  }

  /** The first time: notes the queue and the time, then closes the TCP socket, which ends any blocked read or write. */
  private void close() {
    if (closing.compareAndSet(false, true)) {
      endNanos = nanos.getAsLong();
      unackedAtEnd = sendQueue.applyAsLong(tcp);
      Sockets.closeQuietly(tcp);
    }
  }

  /** {@code SO_SNDBUF} as Java reports it (on Linux, the size asked for; the kernel allows twice that). */
  private static long sendBufferSize(Socket tcp) {
    try {
      return tcp.getSendBufferSize();
    } catch (SocketException e) {
      return 0;
    }
  }

  private static byte[] head(String host, String path, long bodyBytes) {
    return ("POST " + path + " HTTP/1.1\r\n"
        + "Host: " + host + "\r\n"
        + "User-Agent: " + MeasurementHeaders.USER_AGENT + "\r\n"
        + "Accept: */*\r\n"
        + "Content-Type: application/octet-stream\r\n"
        + "Content-Length: " + bodyBytes + "\r\n"
        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }
}
