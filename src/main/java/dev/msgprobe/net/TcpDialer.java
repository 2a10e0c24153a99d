package dev.msgprobe.net;

import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TcpStatus;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

/** Opens TCP connections to IP literals, recording each attempt as {@code tcp_connect} and a {@code connect} event. */
public final class TcpDialer {
  private final int timeoutMillis;
  private final int sendBufferBytes;

  public TcpDialer(Duration timeout) {
    this(timeout, 0);
  }

  /**
   * A dialer whose sockets get {@code SO_SNDBUF = sendBufferBytes} before connecting (0 = the system's
   * default): a small send buffer makes the bytes an upload has written approximate the bytes delivered.
   */
  public TcpDialer(Duration timeout, int sendBufferBytes) {
    this.timeoutMillis = Math.toIntExact(Math.max(1, timeout.toMillis()));
    this.sendBufferBytes = sendBufferBytes;
  }

  /** Connects to {@code ip:port}; never throws for network failures. */
  public Dialed dial(String ip, int port, Trace trace, long transactionId, List<String> tags) {
    List<String> entryTags = List.copyOf(tags);
    double t0 = trace.now();
    Socket socket = new Socket(Proxy.NO_PROXY);
    String failure = null;
    try {
      if (sendBufferBytes > 0) {
        socket.setSendBufferSize(sendBufferBytes);
      }
      socket.connect(new InetSocketAddress(IpLiterals.parse(ip), port), timeoutMillis);
    } catch (IOException e) {
      failure = FailureTaxonomy.classify(e);
      Sockets.closeQuietly(socket);
    }
    double t = trace.now();
    trace.add(new TcpConnect(ip, port, TcpStatus.of(failure), t0, t, entryTags, transactionId));
    trace.add(new NetworkEvent(IpEndpoint.join(ip, port), failure, null, "connect", "tcp", t0, t,
        entryTags, transactionId));
    return new Dialed(failure == null ? socket : null, failure);
  }

  /** The outcome of a dial: a connected socket, or null and the OONI failure. */
  public record Dialed(Socket socket, String failure) {
    public boolean connected() {
      return socket != null;
    }
  }
}
