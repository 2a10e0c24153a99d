package dev.msgprobe.helper;

import dev.msgprobe.model.LegacyFailures;
import dev.msgprobe.helper.AddressPlan.Target;
import dev.msgprobe.net.IpLiterals;
import dev.msgprobe.net.Trust;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * oohelperd's tcptls.go: a TCP connect to one endpoint and, for TLS endpoints, a handshake on that
 * connection with SNI and certificate name = the URL's host (no SNI when it is an IP), ALPN h2 and
 * http/1.1, validated against {@link Trust}. Each operation is bounded by the timeout. TCP failures
 * are legacy strings, TLS failures current ones, as oohelperd reports them.
 */
final class TcpTlsCheck {
  private static final String[] ALPN = {"h2", "http/1.1"};

  private final GuardedSocketFactory sockets;
  private final Trust trust;
  private final int timeoutMillis;

  /** The outcome for one endpoint; {@code tls} is null when no handshake was due or the connect failed. */
  record Result(Target target, ThResponse.Tcp tcp, ThResponse.Tls tls) {}

  TcpTlsCheck(GuardedSocketFactory sockets, Trust trust, Duration timeout) {
    this.sockets = sockets;
    this.trust = trust;
    this.timeoutMillis = (int) Math.max(1, timeout.toMillis());
  }

  Result run(Target target, String urlHost) {
    Socket tcp = sockets.createSocket();
    try {
      try {
        tcp.connect(new InetSocketAddress(IpLiterals.parse(target.address()), target.port()), timeoutMillis);
      } catch (IOException e) {
        String failure = LegacyFailures.tcp(ExceptionFailures.classify(e));
        return new Result(target, new ThResponse.Tcp(false, failure), null);
      }
      ThResponse.Tcp connected = new ThResponse.Tcp(true, null);
      if (!target.tls()) {
        return new Result(target, connected, null);
      }
      String failure = handshake(tcp, urlHost, target.port());
      return new Result(target, connected, new ThResponse.Tls(urlHost, failure == null, failure));
    } finally {
      try {
        tcp.close();
      } catch (IOException ignored) {
        // the outcome is known; a failing close changes nothing
      }
    }
  }

  /** Null when the handshake completed, else its current OONI failure. */
  private String handshake(Socket tcp, String host, int port) {
    try {
      tcp.setSoTimeout(timeoutMillis);
      SSLSocket tls = (SSLSocket) trust.sslContext().getSocketFactory().createSocket(tcp, host, port, false);
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      parameters.setApplicationProtocols(ALPN);
      parameters.setServerNames(serverNames(host));
      tls.setSSLParameters(parameters);
      tls.startHandshake();
      return null;
    } catch (IOException e) {
      return ExceptionFailures.classify(e);
    }
  }

  private static List<javax.net.ssl.SNIServerName> serverNames(String host) {
    if (IpLiterals.isLiteral(host)) {
      return List.of();
    }
    try {
      return List.of(new SNIHostName(host));
    } catch (IllegalArgumentException notAHostName) {
      return List.of();
    }
  }
}
