package dev.msgprobe.helper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Plain sockets that refuse, at connect time, any {@link ForbiddenAddresses forbidden} address (bogons,
 * IPv6 translations of them, the helper's own addresses) unless private addresses are allowed. Every
 * connection the helper opens goes through it, so no probe-supplied address, resolved name, IP-literal
 * URL or redirect can reach the helper's own network.
 */
final class GuardedSocketFactory extends SocketFactory {
  private final boolean allowPrivate;
  private final ForbiddenAddresses forbidden;

  GuardedSocketFactory(boolean allowPrivate) {
    this(allowPrivate, ForbiddenAddresses.ofThisHost());
  }

  GuardedSocketFactory(boolean allowPrivate, ForbiddenAddresses forbidden) {
    this.allowPrivate = allowPrivate;
    this.forbidden = forbidden;
  }

  /** True when the helper may connect to {@code ip} (an IP literal). */
  boolean allows(String ip) {
    return allowPrivate || !forbidden.forbids(ip);
  }

  @Override
  public Socket createSocket() {
    return new GuardedSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(address, port));
  }

  private Socket connected(InetSocketAddress address) throws IOException {
    Socket socket = createSocket();
    socket.connect(address);
    return socket;
  }

  private final class GuardedSocket extends Socket {
    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (endpoint instanceof InetSocketAddress inet && inet.getAddress() != null) {
        String ip = inet.getAddress().getHostAddress();
        int scope = ip.indexOf('%');
        if (!allows(scope < 0 ? ip : ip.substring(0, scope))) {
          close();
          throw new PrivateAddressException(ip);
        }
      }
      super.connect(endpoint, timeout);
    }
  }
}
