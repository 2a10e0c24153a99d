package dev.msgprobe.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How many bytes a connected TCP socket has written that its peer has not acknowledged yet: the
 * {@code tx_queue} column of Linux's {@code /proc/net/tcp} and {@code /proc/net/tcp6} (the view of
 * this process's network namespace), found by the connection's ports and remote address. Java has
 * no other way to ask. Unknown (-1) elsewhere, or once the connection has left the table.
 */
final class SendQueue {
  private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

  private SendQueue() {}

  /** Bytes written and not yet acknowledged by the peer, or -1 when unknown. */
  static long unacknowledged(Socket tcp) {
    InetAddress remote = tcp.getInetAddress();
    if (remote == null || tcp.getLocalPort() <= 0) {
      return -1;
    }
    String localPort = String.format(Locale.ROOT, ":%04X", tcp.getLocalPort());
    String remoteV4 = remote instanceof Inet4Address ? kernelHex(remote.getAddress()) : null;
    String remoteV6 = kernelHex(remote instanceof Inet4Address ? mapped(remote.getAddress()) : remote.getAddress());
    String remotePort = String.format(Locale.ROOT, ":%04X", tcp.getPort());
    for (Path table : TABLES) {
      List<String> lines;
      try {
        lines = Files.readAllLines(table);
      } catch (IOException | SecurityException e) {
        continue;
      }
      for (String line : lines) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 5 || !f[1].endsWith(localPort)) {
          continue;
        }
        if (f[2].equals(remoteV6 + remotePort) || (remoteV4 != null && f[2].equals(remoteV4 + remotePort))) {
          return txQueue(f[4]);
        }
      }
    }
    return -1;
  }

  /** {@code tx_queue:rx_queue} in hex. */
  private static long txQueue(String queues) {
    int colon = queues.indexOf(':');
    try {
      return Long.parseLong(colon < 0 ? queues : queues.substring(0, colon), 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** An address as the kernel prints it: each 32-bit word in the machine's byte order, as 8 hex digits. */
  static String kernelHex(byte[] address) {
    ByteBuffer words = ByteBuffer.wrap(address).order(ByteOrder.nativeOrder());
    StringBuilder out = new StringBuilder();
    while (words.remaining() >= 4) {
      out.append(String.format(Locale.ROOT, "%08X", words.getInt()));
    }
    return out.toString();
  }

  /** {@code ::ffff:a.b.c.d}: how a dual-stack socket connected to an IPv4 address appears in tcp6. */
  private static byte[] mapped(byte[] v4) {
    byte[] v6 = new byte[16];
    v6[10] = (byte) 0xff;
    v6[11] = (byte) 0xff;
    System.arraycopy(v4, 0, v6, 12, 4);
    return v6;
  }
}
