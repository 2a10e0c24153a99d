package dev.msgprobe.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A STUN server on a loopback UDP port: it answers Binding Requests with XOR-MAPPED-ADDRESS (the
 * sender's address), stays silent, or answers with garbage, and counts the datagrams it got.
 */
public final class FakeStunServer implements AutoCloseable {
  public enum Behaviour { ANSWER, SILENT, GARBAGE }

  private final DatagramSocket socket;
  private final Behaviour behaviour;
  private final AtomicInteger received = new AtomicInteger();
  private volatile int largest;
  private final Thread thread;

  private FakeStunServer(Behaviour behaviour) throws SocketException {
    this.behaviour = behaviour;
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.thread = new Thread(this::serve, "fake-stun");
    thread.setDaemon(true);
    thread.start();
  }

  public static FakeStunServer start(Behaviour behaviour) throws SocketException {
    return new FakeStunServer(behaviour);
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  public int received() {
    return received.get();
  }

  /** The size of the largest datagram received. */
  public int largest() {
    return largest;
  }

  private void serve() {
    byte[] buffer = new byte[65_535];
    while (!socket.isClosed()) {
      DatagramPacket in = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(in);
        received.incrementAndGet();
        largest = Math.max(largest, in.getLength());
        byte[] reply = switch (behaviour) {
          case ANSWER -> bindingSuccess(Arrays.copyOfRange(buffer, 8, 20), (InetSocketAddress) in.getSocketAddress());
          case GARBAGE -> "not stun at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
          case SILENT -> null;
        };
        if (reply != null) {
          socket.send(new DatagramPacket(reply, reply.length, in.getSocketAddress()));
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  /** A Binding success response for {@code transactionId} that maps to {@code seen}. */
  public static byte[] bindingSuccess(byte[] transactionId, InetSocketAddress seen) {
    byte[] ip = seen.getAddress().getAddress();
    byte[] mask = ByteBuffer.allocate(16).putInt(0x2112A442).put(transactionId).array();
    ByteBuffer b = ByteBuffer.allocate(20 + 8 + ip.length);
    b.putShort((short) 0x0101).putShort((short) (4 + 4 + ip.length)).putInt(0x2112A442).put(transactionId);
    b.putShort((short) 0x0020).putShort((short) (4 + ip.length)).put((byte) 0).put((byte) (ip.length == 4 ? 1 : 2));
    b.putShort((short) (seen.getPort() ^ 0x2112));
    for (int i = 0; i < ip.length; i++) {
      b.put((byte) (ip[i] ^ mask[i]));
    }
    return b.array();
  }

  @Override
  public void close() {
    socket.close();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
