package dev.msgprobe.net;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.xbill.DNS.Message;

/**
 * DNS over TCP (RFC 7766: each message behind a 2-byte length), one new connection per query.
 * Failures: the reply's (rcode, wrong ID, misbehaving) or the connection's ({@code connection_refused},
 * {@code connection_reset}, {@code eof_error}, {@code generic_timeout_error}). {@code timeout} bounds
 * the connect and each read.
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
    try (Socket socket = new Socket()) {
      socket.connect(resolver, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      byte[] out = query.toWire();
      OutputStream output = socket.getOutputStream();
      output.write(new byte[] {(byte) (out.length >>> 8), (byte) out.length});
      output.write(out);
      output.flush();
      DataInputStream input = new DataInputStream(socket.getInputStream());
      wire = new byte[input.readUnsignedShort()];
      input.readFully(wire);
    } catch (IOException e) {
      return recorder.failed(FailureTaxonomy.classify(e));
    }
    return recorder.reply(query, wire);
  }
}
