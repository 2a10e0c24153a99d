package dev.msgprobe.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener on 127.0.0.1 (ephemeral port) that gives every accepted connection to a
 * {@link Handler} on its own thread, then closes it. {@link #close()} also closes connections still open.
 */
public final class LoopbackServer implements AutoCloseable {
  public static final String IP = "127.0.0.1";

  /** What the server does with one accepted connection. */
  @FunctionalInterface
  public interface Handler {
    void handle(Socket socket) throws Exception;
  }

  /** The sockets that keep {@link #closedPort()}s bound. */
  private static final Set<Socket> HELD = ConcurrentHashMap.newKeySet();
  /** The sockets that keep {@link #closedUdpPort()}s bound. */
  private static final Set<DatagramSocket> HELD_UDP = ConcurrentHashMap.newKeySet();

  private final ServerSocket server;
  private final Handler handler;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "loopback-server");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();

  private LoopbackServer(ServerSocket server, Handler handler) {
    this.server = server;
    this.handler = handler;
  }

  public static LoopbackServer start(Handler handler) throws IOException {
    return start(new ServerSocket(0, 50, InetAddress.getByName(IP)), handler);
  }

  /**
   * A server whose connections get {@code SO_RCVBUF = receiveBufferBytes} (set before listening, so the
   * window is small from the start): a handler that stops reading then stops the client's writes soon.
   */
  public static LoopbackServer startWithReceiveBuffer(int receiveBufferBytes, Handler handler) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReceiveBufferSize(receiveBufferBytes);
    server.bind(new InetSocketAddress(InetAddress.getByName(IP), 0), 50);
    return start(server, handler);
  }

  private static LoopbackServer start(ServerSocket server, Handler handler) {
    LoopbackServer s = new LoopbackServer(server, handler);
    s.threads.execute(s::acceptLoop);
    return s;
  }

  /**
   * A port on 127.0.0.1 where nothing listens, held until the JVM exits: a socket is bound to it and
   * never listens nor connects, so Linux answers a SYN to it with RST ("connection refused"), no
   * other socket can take the port, and a connect to it cannot pick it as its own source port and
   * connect to itself (as a port bound, released and handed out could).
   */
  public static int closedPort() throws IOException {
    Socket held = new Socket();
    held.bind(new InetSocketAddress(InetAddress.getByName(IP), 0));
    HELD.add(held);
    return held.getLocalPort();
  }

  /**
   * A UDP port on 127.0.0.1 where nothing receives, held until the JVM exits: a datagram socket is bound
   * to it and connected to 127.0.0.1:9 (discard), so Linux delivers it only datagrams from that address
   * and answers any other with ICMP port unreachable ("connection refused"), while no other socket can
   * take the port (as one bound, released and handed out could).
   */
  public static int closedUdpPort() throws IOException {
    DatagramSocket held = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(IP), 0));
    held.connect(new InetSocketAddress(InetAddress.getByName(IP), 9));
    HELD_UDP.add(held);
    return held.getLocalPort();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** How many connections were accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing a listener cannot fail in a way a test cares about
    }
    open.forEach(LoopbackServer::closeQuietly);
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return;
      }
      accepted.incrementAndGet();
      open.add(socket);
      try {
        threads.execute(() -> serve(socket));
      } catch (RejectedExecutionException e) {
        closeQuietly(socket); // accepted while closing
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try {
      handler.handle(socket);
    } catch (Exception e) {
      // misbehaving is this server's job; a client hanging up mid-way is expected
    } finally {
      closeQuietly(socket);
      open.remove(socket);
    }
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}
