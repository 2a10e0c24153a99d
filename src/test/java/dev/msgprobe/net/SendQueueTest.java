package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.msgprobe.testing.LoopbackServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendQueueTest {
  @Test
  void loopbackAddress_isPrintedAsTheKernelDoes() throws Exception {
    String hex = SendQueue.kernelHex(InetAddress.getByName("127.0.0.1").getAddress());

    assertThat(hex).isEqualTo(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? "0100007F" : "7F000001");
  }

  @Test
  void peerThatDoesNotRead_leavesWrittenBytesUnacknowledged() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux only");
    try (LoopbackServer server = LoopbackServer.startWithReceiveBuffer(4096, socket -> Thread.sleep(Long.MAX_VALUE));
        Socket socket = new Socket()) {
      socket.setSendBufferSize(8192);
      socket.connect(new InetSocketAddress(LoopbackServer.IP, server.port()), 500);
      assertThat(SendQueue.unacknowledged(socket)).isZero();
      AtomicLong written = new AtomicLong();
      Thread writer = new Thread(() -> {
        try {
          OutputStream out = socket.getOutputStream();
          while (true) {
            out.write(new byte[1024]);
            written.addAndGet(1024);
          }
        } catch (Exception e) {
          // closed by the test
        }
      });
      writer.setDaemon(true);
      writer.start();
      Thread.sleep(200);

      long unacked = SendQueue.unacknowledged(socket);

      assertThat(unacked).isPositive().isLessThanOrEqualTo(written.get());
    }
  }

  @Test
  void unconnectedSocket_isUnknown() throws Exception {
    try (Socket socket = new Socket()) {
      assertThat(SendQueue.unacknowledged(socket)).isEqualTo(-1);
    }
  }
}
