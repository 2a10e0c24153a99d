package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.msgprobe.model.Failures;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.TestCa;
import dev.msgprobe.testing.TlsFront;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureTaxonomyTest {
  private static final int TIMEOUT_MILLIS = 300;
  private static final String HOST = "test.example";
  private static final TestCa CA = new TestCa();
  private static SSLContext client;

  /** Something a client does against a loopback fake; it is expected to throw. */
  interface Scenario {
    void run() throws Exception;
  }

  @BeforeAll
  static void trustTheTestCa() throws IOException {
    Path dir = Files.createTempDirectory("taxonomy");
    client = CA.trust(dir).sslContext();
  }

  static Stream<Arguments> loopbackFailures() {
    return Stream.of(
        arguments("nothing listening", (Scenario) () -> connect(LoopbackServer.closedPort()),
            Failures.CONNECTION_REFUSED),
        arguments("reset on accept, then a read", server(Handlers.resetOnAccept(), FailureTaxonomyTest::read),
            Failures.CONNECTION_RESET),
        arguments("silent server, read", server(Handlers.silent(), FailureTaxonomyTest::read),
            Failures.GENERIC_TIMEOUT),
        arguments("silent server, TLS handshake", server(Handlers.silent(), port -> handshake(port, HOST)),
            Failures.GENERIC_TIMEOUT),
        arguments("reset on accept, TLS handshake", server(Handlers.resetOnAccept(), port -> handshake(port, HOST)),
            Failures.CONNECTION_RESET),
        arguments("reset after ClientHello with a filtered SNI",
            server(new TlsFront(TestCa.serverContext(CA.leaf(HOST)), Set.of(HOST), List.of(), Handlers.silent()),
                port -> handshake(port, HOST)),
            Failures.CONNECTION_RESET),
        arguments("FIN after ClientHello", server(Handlers.closeAfterClientHello(), port -> handshake(port, HOST)),
            Failures.EOF),
        arguments("certificate from an unknown CA", tlsServer(TestCa.untrustedLeaf(HOST), HOST),
            Failures.SSL_UNKNOWN_AUTHORITY),
        arguments("certificate from a CA forging the trusted CA's name",
            tlsServer(new TestCa(TestCa.NAME).leaf(HOST), HOST), Failures.SSL_UNKNOWN_AUTHORITY),
        arguments("certificate for another name (JSSE's own check)", tlsServer(CA.leaf("other.example"), HOST),
            Failures.SSL_INVALID_HOSTNAME),
        arguments("expired certificate", tlsServer(CA.expiredLeaf(HOST), HOST), Failures.SSL_INVALID_CERTIFICATE),
        arguments("no cipher suite in common (server alert)",
            server(TlsFront.plain(TestCa.serverContext(CA.leaf(HOST))), FailureTaxonomyTest::rsaOnlyHandshake),
            Failures.SSL_FAILED_HANDSHAKE),
        arguments("plain HTTP answer to a ClientHello",
            server(Handlers.answer("HTTP/1.1 400 Bad Request\r\n\r\n"), port -> handshake(port, HOST)),
            Failures.SSL_FAILED_HANDSHAKE),
        arguments("OkHttp, nothing listening (wrapped ConnectException)",
            (Scenario) () -> okHttpGet(LoopbackServer.closedPort()), Failures.CONNECTION_REFUSED),
        arguments("OkHttp call timeout, silent server", server(Handlers.silent(), FailureTaxonomyTest::okHttpGet),
            Failures.GENERIC_TIMEOUT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loopbackFailures")
  void loopbackFailure_isClassified(String scenario, Scenario action, String expected) {
    assertThat(FailureTaxonomy.classify(thrownBy(action))).isEqualTo(expected);
  }

  static Stream<Arguments> errorsLoopbackCannotProduce() {
    return Stream.of(
        arguments(new NoRouteToHostException("No route to host"), Failures.HOST_UNREACHABLE),
        arguments(new SocketException("Network is unreachable"), Failures.NETWORK_UNREACHABLE),
        arguments(new ConnectException("Connection timed out"), Failures.TIMED_OUT),
        arguments(new SocketException("Software caused connection abort"), Failures.CONNECTION_ABORTED),
        arguments(new PortUnreachableException("ICMP Port Unreachable"), Failures.CONNECTION_REFUSED),
        arguments(new InterruptedException(), Failures.INTERRUPTED),
        arguments(new ClosedByInterruptException(), Failures.INTERRUPTED),
        arguments(new InterruptedIOException("interrupted"), Failures.INTERRUPTED),
        arguments(new InterruptedIOException("timeout"), Failures.GENERIC_TIMEOUT),
        arguments(new SSLHandshakeException("(unrecognized_name) Received fatal alert: unrecognized_name"),
            Failures.SSL_INVALID_HOSTNAME),
        arguments(new IOException("wrapper", new SocketException("Connection reset by peer")),
            Failures.CONNECTION_RESET),
        arguments(new IOException("write failed", new SocketException("Broken pipe")), Failures.CONNECTION_RESET));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorsLoopbackCannotProduce")
  void jdkErrorType_isClassified(Throwable error, String expected) {
    assertThat(FailureTaxonomy.classify(error)).isEqualTo(expected);
  }

  @Test
  void unknownError_isUnknownFailureWithAddressesScrubbed() {
    IOException error = new IOException("no luck with /10.1.2.3:443, [2001:db8::1]:443 or fe80::1%eth0");

    assertThat(FailureTaxonomy.classify(error))
        .isEqualTo("unknown_failure: no luck with /[scrubbed]:443, [scrubbed]:443 or [scrubbed]");
  }

  @Test
  void callDeadline_isToldFromAReadTimeout_thoughBothAreTimeouts() {
    InterruptedIOException deadline = new InterruptedIOException("timeout");
    SocketTimeoutException readTimeout = new SocketTimeoutException("timeout");

    assertThat(FailureTaxonomy.isCallDeadline(deadline)).isTrue();
    assertThat(FailureTaxonomy.isCallDeadline(readTimeout)).isFalse();
    assertThat(FailureTaxonomy.isCallDeadline(new IOException("timeout"))).isFalse();
    assertThat(FailureTaxonomy.classify(deadline)).isEqualTo(FailureTaxonomy.classify(readTimeout))
        .isEqualTo(Failures.GENERIC_TIMEOUT);
  }

  @Test
  void unknownErrorWithoutMessage_namesItsType() {
    assertThat(FailureTaxonomy.classify(new IllegalStateException())).isEqualTo("unknown_failure: IllegalStateException");
  }

  @Test
  void scrub_leavesTimesAndVersionsAlone() {
    assertThat(FailureTaxonomy.scrub("at 12:30 TLSv1.3 HTTP/1.1")).isEqualTo("at 12:30 TLSv1.3 HTTP/1.1");
  }

  private static Throwable thrownBy(Scenario action) {
    try {
      action.run();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("the scenario did not fail");
  }

  interface PortAction {
    void run(int port) throws Exception;
  }

  private static Scenario server(LoopbackServer.Handler handler, PortAction action) {
    return () -> {
      try (LoopbackServer server = LoopbackServer.start(handler)) {
        action.run(server.port());
      }
    };
  }

  private static Scenario tlsServer(HeldCertificate leaf, String name) {
    return server(TlsFront.plain(TestCa.serverContext(leaf)), port -> handshake(port, name));
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket(Proxy.NO_PROXY);
    socket.connect(new InetSocketAddress(LoopbackServer.IP, port), TIMEOUT_MILLIS);
    socket.setSoTimeout(TIMEOUT_MILLIS);
    return socket;
  }

  private static void read(int port) throws IOException {
    try (Socket socket = connect(port)) {
      socket.getInputStream().read();
    }
  }

  private static void handshake(int port, String name) throws IOException {
    handshake(port, name, null);
  }

  private static void rsaOnlyHandshake(int port) throws IOException {
    handshake(port, HOST, new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
  }

  /** A JSSE handshake with HTTPS endpoint identification, as any Java client would do it. */
  private static void handshake(int port, String name, String[] cipherSuites) throws IOException {
    try (SSLSocket tls = (SSLSocket) client.getSocketFactory().createSocket(connect(port), name, port, true)) {
      SSLParameters p = tls.getSSLParameters();
      p.setServerNames(List.of(new SNIHostName(name)));
      p.setEndpointIdentificationAlgorithm("HTTPS");
      if (cipherSuites != null) {
        p.setProtocols(new String[] {"TLSv1.2"});
        p.setCipherSuites(cipherSuites);
      }
      tls.setSSLParameters(p);
      tls.startHandshake();
    }
  }

  private static void okHttpGet(int port) throws IOException {
    OkHttpClient okHttp = new OkHttpClient.Builder()
        .proxy(Proxy.NO_PROXY)
        .retryOnConnectionFailure(false)
        .callTimeout(Duration.ofMillis(TIMEOUT_MILLIS))
        .build();
    okHttp.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/").build()).execute().close();
  }
}
