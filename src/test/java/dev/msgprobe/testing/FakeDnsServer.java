package dev.msgprobe.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Message;

/**
 * A resolver on 127.0.0.1, UDP and TCP on the same random port, answering from a {@link FakeDnsZone}.
 * UDP replies are sent each after its delay (so a forged reply can race a real one); over TCP only
 * the first reply is sent, and a silent query keeps the connection open without a reply.
 */
public final class FakeDnsServer implements AutoCloseable {
  private final FakeDnsZone zone;
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("fake-dns-udp-send"));
  private final ExecutorService workers = Executors.newCachedThreadPool(daemon("fake-dns"));

  private FakeDnsServer(FakeDnsZone zone, DatagramSocket udp, ServerSocket tcp) {
    this.zone = zone;
    this.udp = udp;
    this.tcp = tcp;
    workers.execute(this::serveUdp);
    workers.execute(this::serveTcp);
  }

  /** A server with an empty zone of its own; script it with {@link #zone()}. */
  public static FakeDnsServer start() throws IOException {
    return start(new FakeDnsZone());
  }

  public static FakeDnsServer start(FakeDnsZone zone) throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    for (int attempt = 0; ; attempt++) {
      DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
      try {
        ServerSocket tcp = new ServerSocket();
        tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()));
        return new FakeDnsServer(zone, udp, tcp);
      } catch (IOException portTakenOverTcp) {
        udp.close();
        if (attempt == 20) {
          throw portTakenOverTcp;
        }
      }
    }
  }

  /** 127.0.0.1 and the port, for UDP and TCP alike. */
  public InetSocketAddress address() {
    return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
  }

  public FakeDnsZone zone() {
    return zone;
  }

  @Override
  public void close() {
    udp.close();
    try {
      tcp.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    scheduler.shutdownNow();
    workers.shutdownNow();
  }

  private void serveUdp() {
    byte[] buffer = new byte[65_535];
    while (!udp.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
        Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
        SocketAddress client = packet.getSocketAddress();
        for (FakeDnsReply reply : zone.handle(query, FakeDnsZone.Transport.UDP)) {
          if (!reply.reset()) {
            scheduler.schedule(() -> sendUdp(reply.wire(), client), reply.delay().toNanos(), TimeUnit.NANOSECONDS);
          }
        }
      } catch (IOException e) {
        // a closed socket ends the loop; a malformed query is ignored
      }
    }
  }

  private void sendUdp(byte[] wire, SocketAddress client) {
    try {
      udp.send(new DatagramPacket(wire, wire.length, client));
    } catch (IOException ignored) {
      // server closed
    }
  }

  private void serveTcp() {
    while (!tcp.isClosed()) {
      try {
        Socket connection = tcp.accept();
        workers.execute(() -> serveTcp(connection));
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void serveTcp(Socket connection) {
    try (connection) {
      DataInputStream in = new DataInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      while (true) {
        byte[] wire = new byte[in.readUnsignedShort()];
        in.readFully(wire);
        List<FakeDnsReply> replies = zone.handle(new Message(wire), FakeDnsZone.Transport.TCP);
        if (replies.isEmpty()) {
          continue;
        }
        FakeDnsReply reply = replies.get(0);
        Thread.sleep(reply.delay().toMillis());
        if (reply.reset()) {
          connection.setSoLinger(true, 0);
          return;
        }
        out.write(new byte[] {(byte) (reply.wire().length >>> 8), (byte) reply.wire().length});
        out.write(reply.wire());
        out.flush();
      }
    } catch (EOFException | InterruptedException done) {
      // client closed, or server closing
    } catch (IOException ignored) {
      // client went away
    }
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
