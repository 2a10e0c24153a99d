package dev.msgprobe.testing;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server front for {@link LoopbackServer}: reads the raw ClientHello, notes its SNI, resets the
 * connection (RST, no FIN) when that SNI is one of {@code resetNames} — what an SNI filter does — and
 * otherwise completes the handshake and hands the TLS socket to the next handler.
 */
public final class TlsFront implements LoopbackServer.Handler {
  /** What {@link #serverNames()} holds for a ClientHello without SNI. */
  public static final String NO_SNI = "";

  private final SSLContext context;
  private final Set<String> resetNames;
  private final List<String> alpn;
  private final LoopbackServer.Handler then;
  private final List<String> serverNames = new CopyOnWriteArrayList<>();

  /**
   * @param alpn protocols the server accepts, in preference order; empty = no ALPN
   * @param then what to do over TLS once the handshake is done
   */
  public TlsFront(SSLContext context, Set<String> resetNames, List<String> alpn, LoopbackServer.Handler then) {
    this.context = context;
    this.resetNames = Set.copyOf(resetNames);
    this.alpn = List.copyOf(alpn);
    this.then = then;
  }

  /** A TLS server that completes every handshake and then reads until the client hangs up. */
  public static TlsFront plain(SSLContext context) {
    return new TlsFront(context, Set.of(), List.of(), Handlers.silent());
  }

  /** The SNI of every ClientHello seen, in order ({@link #NO_SNI} when absent). */
  public List<String> serverNames() {
    return serverNames;
  }

  @Override
  public void handle(Socket socket) throws Exception {
    ClientHello hello = ClientHello.read(socket.getInputStream());
    serverNames.add(hello.serverName() == null ? NO_SNI : hello.serverName());
    if (hello.serverName() != null && resetNames.contains(hello.serverName())) {
      Handlers.reset(socket);
      return;
    }
    SSLSocket tls = (SSLSocket) context.getSocketFactory()
        .createSocket(socket, new ByteArrayInputStream(hello.raw()), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setApplicationProtocols(alpn.toArray(String[]::new));
    tls.setSSLParameters(parameters);
    tls.startHandshake();
    then.handle(tls);
  }
}
