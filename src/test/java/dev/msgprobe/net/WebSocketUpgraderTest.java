package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.TestCa;
import dev.msgprobe.testing.TlsFront;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebSocketUpgraderTest {
  private static final String HOST = "ws.test.example";
  private static final Duration TIMEOUT = Duration.ofMillis(1000);
  private static final TestCa CA = new TestCa();
  private static final SSLContext SERVER_TLS = TestCa.serverContext(CA.leaf(HOST));
  private static Trust trust;
  private final WebSocketUpgrader upgrader = new WebSocketUpgrader(TIMEOUT, 64);
  private final MockWebServer server = new MockWebServer();

  @BeforeAll
  static void trustTheTestCa(@TempDir Path dir) throws IOException {
    Logger.getLogger(MockWebServer.class.getName()).setLevel(Level.OFF);
    trust = CA.trust(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void switchingProtocolsWithTheRightAccept_succeeds() throws Exception {
    startServer(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {}).build());
    Trace trace = new Trace();

    HttpTransaction t = upgrade(server.getPort(), trace);

    assertThat(t.failure()).isNull();
    assertThat(t.response().code()).isEqualTo(101);
    assertThat(t.alpn()).isEqualTo("http/1.1");
    assertThat(t.address()).isEqualTo("127.0.0.1:" + server.getPort());
    assertThat(t.request().method()).isEqualTo("GET");
    assertThat(t.request().url()).isEqualTo("wss://" + HOST + "/websocket");
    assertThat(t.request().headers()).containsEntry("Origin", "https://" + HOST).containsEntry("Upgrade", "websocket");
    assertThat(t.tags()).containsExactly("trusted-address");
    RecordedRequest received = server.takeRequest();
    assertThat(received.getTarget()).isEqualTo("/websocket");
    assertThat(received.getHeaders().get("Sec-WebSocket-Key")).isEqualTo(t.request().headers().get("Sec-WebSocket-Key"));
    assertThat(trace.toTestKeys().requests()).containsExactly(t);
    assertThat(trace.toTestKeys().networkEvents()).extracting(NetworkEvent::operation).contains("websocket_upgrade");
  }

  @Test
  void otherStatus_isUnexpectedStatusWithTheResponseRecorded() throws Exception {
    startServer(new MockResponse.Builder().code(403).body("forbidden origin").build());

    HttpTransaction t = upgrade(server.getPort(), new Trace());

    assertThat(t.failure()).isEqualTo(Failures.HTTP_UNEXPECTED_STATUS_CODE);
    assertThat(t.response().code()).isEqualTo(403);
    assertThat(t.response().body().asText()).isEqualTo("forbidden origin");
  }

  @Test
  void wrongAcceptValue_fails() throws Exception {
    LoopbackServer.Handler wrongAccept = socket -> {
      Handlers.readRequestHead(socket.getInputStream());
      socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Accept: bm90IHRoZSByaWdodCB2YWx1ZQ==\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      Handlers.silent().handle(socket);
    };
    try (LoopbackServer fake = LoopbackServer.start(new TlsFront(SERVER_TLS, Set.of(), List.of(), wrongAccept))) {
      HttpTransaction t = upgrade(fake.port(), new Trace());

      assertThat(t.failure()).isEqualTo(WebSocketUpgrader.BAD_ACCEPT);
      assertThat(t.response().code()).isEqualTo(101);
    }
  }

  @Test
  void closedAfterTheRequest_isEof() throws Exception {
    LoopbackServer.Handler closing = socket -> Handlers.readRequestHead(socket.getInputStream());
    try (LoopbackServer fake = LoopbackServer.start(new TlsFront(SERVER_TLS, Set.of(), List.of(), closing))) {
      HttpTransaction t = upgrade(fake.port(), new Trace());

      assertThat(t.failure()).isEqualTo(Failures.EOF);
      assertThat(t.response().code()).isZero();
    }
  }

  @Test
  void headDrippingPastTheDeadline_isStillArriving_notATimeout() throws Exception {
    try (LoopbackServer fake = LoopbackServer.start(new TlsFront(SERVER_TLS, Set.of(), List.of(),
        Handlers.dripHead()))) {
      HttpTransaction t = upgrade(fake.port(), new Trace());

      assertThat(t.failure()).isEqualTo(Failures.STILL_ARRIVING);
      assertThat(t.progress().requestSent()).isTrue();
      assertThat(t.progress().anyByte()).isTrue();
      assertThat(t.progress().headT()).isNull();
    }
  }

  @Test
  void serverThatNeverAnswers_isATimeout_withTheRequestSentAndNoByte() throws Exception {
    try (LoopbackServer fake = LoopbackServer.start(new TlsFront(SERVER_TLS, Set.of(), List.of(),
        Handlers.readRequestThenSilent()))) {
      HttpTransaction t = upgrade(fake.port(), new Trace());

      assertThat(t.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
      assertThat(t.progress().requestSent()).isTrue();
      assertThat(t.progress().anyByte()).isFalse();
    }
  }

  @Test
  void acceptValue_followsRfc6455Example() {
    assertThat(WebSocketUpgrader.expectedAccept("dGhlIHNhbXBsZSBub25jZQ=="))
        .isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  }

  private void startServer(MockResponse response) throws IOException {
    server.useHttps(SERVER_TLS.getSocketFactory());
    server.enqueue(response);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  private HttpTransaction upgrade(int port, Trace trace) throws IOException {
    TcpDialer.Dialed dialed = new TcpDialer(TIMEOUT).dial("127.0.0.1", port, trace, 1, List.of());
    TlsHandshaker.Secured tls = new TlsHandshaker(trust, TIMEOUT).handshake(dialed.socket(), "127.0.0.1:" + port, HOST,
        HOST, List.of("http/1.1"), trace, 1, List.of());
    try (SSLSocket socket = tls.socket()) {
      return upgrader.upgrade(socket, "wss://" + HOST + "/websocket", HOST, "/websocket", "https://" + HOST, trace, 1,
          List.of("trusted-address"));
    }
  }
}
