package dev.msgprobe.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.xbill.DNS.Message;

/**
 * DNS over TCP (RFC 7766: each message behind a 2-byte length), one new connection per query.
 * Failures: the reply's (rcode, wrong ID, misbehaving) or the connection's ({@code connection_refused},
 * {@code connection_reset}, {@code eof_error}, {@code generic_timeout_error}). {@code timeout} bounds
 * the whole exchange, connect to last reply byte: a resolver that drips its reply a byte at a time holds
 * the caller no longer than one that says nothing.
 */
public final class DnsTcpTransport implements DnsTransport {
  private final InetSocketAddress resolver;
  private final String resolverAddress;
  private final int timeoutMillis;

  /** @throws IllegalArgumentException when {@code resolver} is an unresolved name */
  public DnsTcpTransport(InetSocketAddress resolver, Duration timeout) {
    this.resolver = resolver;
    this.resolverAddress = DnsMessages.endpoint(resolver);
    this.timeoutMillis = (int) Math.max(1, timeout.toMillis());
  }

  @Override
  public DnsExchange exchange(String hostname, DnsQueryType type, DoubleSupplier clock) {
    Message query = DnsMessages.query(hostname, type);
    DnsReplyRecorder recorder = new DnsReplyRecorder("tcp", resolverAddress, hostname, type, clock);
    byte[] wire;
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    try (Socket socket = new Socket()) {
      socket.connect(resolver, timeoutMillis);
      byte[] out = query.toWire();
      OutputStream output = socket.getOutputStream();
      output.write(new byte[] {(byte) (out.length >>> 8), (byte) out.length});
      output.write(out);
      output.flush();
      InputStream input = socket.getInputStream();
      byte[] length = readFully(socket, input, new byte[2], deadline);
      wire = readFully(socket, input, new byte[((length[0] & 0xff) << 8) | (length[1] & 0xff)], deadline);
    } catch (IOException e) {
      return recorder.failed(FailureTaxonomy.classify(e));
    }
    return recorder.reply(query, wire);
  }

  /** Fills {@code buffer} before {@code deadline} (System.nanoTime), each read bounded by the time left. */
  private static byte[] readFully(Socket socket, InputStream in, byte[] buffer, long deadline) throws IOException {
    for (int off = 0; off < buffer.length; ) {
      long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMillis < 1) {
        throw new SocketTimeoutException("DNS reply not complete within the timeout (" + off + " of "
            + buffer.length + " bytes)");
      }
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
      int n = in.read(buffer, off, buffer.length - off);
      if (n < 0) {
        throw new EOFException("connection closed after " + off + " of " + buffer.length + " bytes");
      }
      off += n;
    }
    return buffer;
  }
}
