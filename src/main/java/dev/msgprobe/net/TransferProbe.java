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
 * Deadline passed while data still flowed: {@code generic_timeout_error}, not stalled. Reset, or a
 * close before a declared Content-Length was complete: the taxonomy's failure ({@code connection_reset},
 * {@code eof_error}). {@code seconds} runs from the request to the last byte received, so a stall's
 * silent wait does not dilute the goodput ({@code bytes * 8 / 1000 / seconds}).
 *
 * <p>Upload: see {@link #upload}.
 */
public final class TransferProbe {
  private static final int CHUNK = 16 * 1024;
  private static final String RECEIVED = "bytes_received_cumulative";

  private final int firstByteMillis;
  private final int stallMillis;
  private final Duration deadline;
  private final Duration sampleInterval;
  private final ToLongFunction<Socket> sendQueue;

  public TransferProbe(Duration firstByteTimeout, Duration stallWindow, Duration deadline, Duration sampleInterval) {
    this(firstByteTimeout, stallWindow, deadline, sampleInterval, SendQueue::unacknowledged);
  }

  /** {@code sendQueue} tells an upload's unacknowledged bytes, -1 when unknown (tests pass one that never knows). */
  TransferProbe(Duration firstByteTimeout, Duration stallWindow, Duration deadline, Duration sampleInterval,
      ToLongFunction<Socket> sendQueue) {
    this.sendQueue = sendQueue;
    this.firstByteMillis = Math.toIntExact(Math.max(1, firstByteTimeout.toMillis()));
    this.stallMillis = Math.toIntExact(Math.max(1, stallWindow.toMillis()));
    this.deadline = deadline;
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
    Progress progress = new Progress(trace);
    Thread sampler = daemon("msgprobe-transfer-sampler",
        () -> sample(progress, socket, address, trace, transactionId, entryTags));
    double t0 = trace.now();
    String failure = null;
    boolean stalled = false;
    try {
      socket.setSoTimeout(firstByteMillis);
      socket.getOutputStream().write(request(host, path));
      socket.getOutputStream().flush();
      progress.requestSent = trace.now();
      sampler.start();
      failure = receive(socket.getInputStream(), socket, targetBytes, progress);
    } catch (SocketTimeoutException e) {
      stalled = progress.bytes.get() > 0;
      failure = Failures.GENERIC_TIMEOUT;
    } catch (IOException e) {
      failure = progress.deadlinePassed.get() ? Failures.GENERIC_TIMEOUT : FailureTaxonomy.classify(e);
    } finally {
      progress.finished.set(true);
      sampler.interrupt();
      Sockets.closeQuietly(socket);
    }
    joinQuietly(sampler);
    double t = trace.now();
    long bytes = progress.bytes.get();
    trace.add(sample(address, RECEIVED, bytes, t, entryTags, transactionId));
    double seconds = bytes > 0 ? Math.max(0, progress.lastByteAt - progress.requestSent) : 0;
    Transfer transfer = transfer(address, serverName, "download", targetBytes, bytes, seconds, stalled, failure, t0, t,
        entryTags, transactionId);
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
    return new Upload(socket, tcp, sendQueue, trace, tags, transactionId, stallMillis / 1000.0,
        deadline.toNanos() / 1e9,
        sampleInterval.toMillis()).run(serverName, host, path, bodyBytes);
  }

  /** Reads until done; returns the failure of a premature close, or null. */
  private String receive(InputStream in, Socket socket, long targetBytes, Progress progress) throws IOException {
    byte[] chunk = new byte[CHUNK];
    ByteArrayOutputStream headProbe = new ByteArrayOutputStream();
    long expected = -1;
    while (progress.bytes.get() < targetBytes && (expected < 0 || progress.bytes.get() < expected)) {
      int n = in.read(chunk);
      if (n == -1) {
        return expected >= 0 ? Failures.EOF : null;
      }
      if (progress.bytes.get() == 0) {
        socket.setSoTimeout(stallMillis);
      }
      progress.received(n);
      if (expected < 0 && headProbe.size() < Http1Head.MAX_BYTES) {
        headProbe.write(chunk, 0, n);
        expected = expectedTotal(headProbe.toByteArray());
      }
    }
    return null;
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

  private void sample(Progress progress, Socket socket, String address, Trace trace, long transactionId,
      List<String> tags) {
    double end = progress.requestSent + deadline.toNanos() / 1e9;
    try {
      while (!progress.finished.get()) {
        Thread.sleep(sampleInterval.toMillis());
        double now = trace.now();
        if (progress.finished.get()) {
          return;
        }
        trace.add(sample(address, RECEIVED, progress.bytes.get(), now, tags, transactionId));
        if (now >= end && progress.deadlinePassed.compareAndSet(false, true)) {
          Sockets.closeQuietly(socket); // unblocks the reader, which reports the deadline
          return;
        }
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

  /** What the reader has seen so far, shared with the sampler. */
  private static final class Progress {
    private final Trace trace;
    final AtomicLong bytes = new AtomicLong();
    final AtomicBoolean finished = new AtomicBoolean();
    final AtomicBoolean deadlinePassed = new AtomicBoolean();
    volatile double requestSent;
    volatile double lastByteAt;

    Progress(Trace trace) {
      this.trace = trace;
    }

    void received(int n) {
      bytes.addAndGet(n);
      lastByteAt = trace.now();
    }
  }
}
