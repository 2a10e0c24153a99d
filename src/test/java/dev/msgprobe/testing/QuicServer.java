package dev.msgprobe.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import tech.kwik.core.log.NullLogger;
import tech.kwik.core.server.ApplicationProtocolConnection;
import tech.kwik.core.server.ServerConnectionConfig;
import tech.kwik.core.server.ServerConnector;

/**
 * A real QUIC v1 server (kwik's server side) that completes handshakes for ALPN {@code h3} and
 * presents one certificate chain; streams are ignored. Used by loopback tests and the lab.
 */
public final class QuicServer implements AutoCloseable {
  private static final char[] PASSWORD = "msgprobe".toCharArray();
  private static final String ALIAS = "server";

  private final DatagramSocket socket;
  private final ServerConnector connector;

  private QuicServer(DatagramSocket socket, ServerConnector connector) {
    this.socket = socket;
    this.connector = connector;
  }

  /** A server on {@code bind} presenting {@code key} with {@code chain} (leaf first). */
  public static QuicServer start(InetSocketAddress bind, PrivateKey key, X509Certificate... chain)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(ALIAS, key, PASSWORD, chain.clone());
    DatagramSocket socket = new DatagramSocket(bind);
    ServerConnectionConfig config = ServerConnectionConfig.builder()
        .maxIdleTimeoutInSeconds(30)
        .maxOpenPeerInitiatedBidirectionalStreams(10)
        .maxOpenPeerInitiatedUnidirectionalStreams(10)
        .build();
    ServerConnector connector = ServerConnector.builder()
        .withSocket(socket)
        .withKeyStore(store, ALIAS, PASSWORD)
        .withConfiguration(config)
        .withLogger(System.getenv("MP_QUIC_DEBUG") != null ? debugLogger() : new NullLogger())
        .build();
    connector.registerApplicationProtocol("h3", (protocol, connection) -> new ApplicationProtocolConnection() {});
    connector.start();
    return new QuicServer(socket, connector);
  }

  /** A loopback server on an ephemeral port. */
  public static QuicServer onLoopback(PrivateKey key, X509Certificate... chain)
      throws IOException, GeneralSecurityException {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), key, chain);
  }

  private static tech.kwik.core.log.Logger debugLogger() {
    tech.kwik.core.log.SysOutLogger l = new tech.kwik.core.log.SysOutLogger();
    l.logInfo(true);
    l.logWarning(true);
    l.logDebug(true);
    l.logPackets(true);
    return l;
  }

  public int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() {
    connector.close();
    socket.close();
  }

}
