package dev.msgprobe.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;

/**
 * Plain sockets that count every byte read from the peer (TLS records included, when TLS is layered
 * on them), so a failed call can still tell how much the server had sent.
 */
final class CountingSocketFactory extends SocketFactory {
  private final AtomicLong received = new AtomicLong();

  long received() {
    return received.get();
  }

  @Override
  public Socket createSocket() {
    return new CountingSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket s = createSocket();
    s.connect(new java.net.InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket s = createSocket();
    s.connect(new java.net.InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return createSocket(address, port);
  }

  private final class CountingSocket extends Socket {
    private InputStream counted;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new FilterInputStream(super.getInputStream()) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
              received.incrementAndGet();
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
              received.addAndGet(n);
            }
            return n;
          }
        };
      }
      return counted;
    }
  }
}
