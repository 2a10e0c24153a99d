package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.HttpResponse;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.testing.TestCa;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpFetcherTest {
  private static final String HOST = "test.example";
  private static final int BODY_CAP = 16;
  private static final TestCa CA = new TestCa();
  private static HttpFetcher fetcher;
  private final MockWebServer server = new MockWebServer();

  @BeforeAll
  static void trustTheTestCa(@TempDir Path dir) throws IOException {
    Logger.getLogger(MockWebServer.class.getName()).setLevel(Level.OFF);
    fetcher = new HttpFetcher(CA.trust(dir), Duration.ofMillis(1000), BODY_CAP);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void httpsGet_recordsRequestResponseAndTheConnection() throws Exception {
    startHttps(CA.leaf(HOST));
    server.enqueue(new MockResponse.Builder().code(200).addHeader("X-Probe", "yes").body("hello").build());
    Trace trace = new Trace();

    HttpFetcher.HttpFetch fetch = fetcher.fetch(url("/path"), "GET", "127.0.0.1", trace, List.of("trusted-address"));

    HttpTransaction t = fetch.transaction();
    assertThat(t.network()).isEqualTo("tcp");
    assertThat(t.address()).isEqualTo("127.0.0.1:" + server.getPort());
    assertThat(t.alpn()).isEqualTo("h2");
    assertThat(t.failure()).isNull();
    assertThat(t.tags()).containsExactly("trusted-address");
    assertThat(t.request().url()).isEqualTo(url("/path"));
    assertThat(t.request().method()).isEqualTo("GET");
    assertThat(t.request().headersList()).contains(
        List.of("Accept", MeasurementHeaders.ACCEPT),
        List.of("Accept-Language", MeasurementHeaders.ACCEPT_LANGUAGE),
        List.of("User-Agent", MeasurementHeaders.USER_AGENT),
        List.of("Host", HOST + ":" + server.getPort()));
    assertThat(t.request().headers()).containsEntry("User-Agent", MeasurementHeaders.USER_AGENT);
    assertThat(t.response().code()).isEqualTo(200);
    assertThat(t.response().body().asText()).isEqualTo("hello");
    assertThat(t.response().bodyIsTruncated()).isFalse();
    assertThat(t.response().header("x-probe")).isEqualTo("yes");
    assertThat(fetch.location()).isNull();
    RecordedRequest received = server.takeRequest();
    assertThat(received.getHeaders().get("User-Agent")).isEqualTo(MeasurementHeaders.USER_AGENT);
    assertThat(received.getHandshakeServerNames()).containsExactly(HOST);

    TestKeys keys = trace.toTestKeys();
    assertThat(keys.requests()).containsExactly(t);
    assertThat(keys.tcpConnect()).singleElement().satisfies(c -> {
      assertThat(c.status().success()).isTrue();
      assertThat(c.transactionId()).isEqualTo(t.transactionId());
      assertThat(c.tags()).containsExactly("trusted-address");
    });
    assertThat(keys.tlsHandshakes()).singleElement().satisfies(h -> {
      assertThat(h.failure()).isNull();
      assertThat(h.serverName()).isEqualTo(HOST);
      assertThat(h.negotiatedProtocol()).isEqualTo("h2");
      assertThat(h.tlsVersion()).isEqualTo("TLSv1.3");
      assertThat(h.peerCertificates()).hasSize(1);
      assertThat(h.transactionId()).isEqualTo(t.transactionId());
    });
    assertThat(keys.networkEvents()).extracting(NetworkEvent::operation).containsExactly(
        "http_transaction_start", "connect", "tls_handshake_start", "tls_handshake_done", "http_transaction_done");
  }

  @Test
  void bodyOverTheCap_isTruncated() throws Exception {
    startHttps(CA.leaf(HOST));
    server.enqueue(new MockResponse.Builder().body("x".repeat(BODY_CAP * 10)).build());

    HttpResponse response = fetcher.fetch(url("/"), "GET", "127.0.0.1", new Trace(), List.of()).transaction().response();

    assertThat(response.bodyIsTruncated()).isTrue();
    assertThat(response.body().asText()).hasSize(BODY_CAP);
  }

  @Test
  void redirect_isNotFollowedButItsTargetIsResolvedAgainstTheUrl() throws Exception {
    startHttps(CA.leaf(HOST));
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/next?x=1").build());

    HttpFetcher.HttpFetch fetch = fetcher.fetch(url("/a/b"), "GET", "127.0.0.1", new Trace(), List.of());

    assertThat(fetch.code()).isEqualTo(302);
    assertThat(fetch.location()).isEqualTo(url("/next?x=1"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void postToIpLiteralOverPlainHttp_sendsAnEmptyBody() throws Exception {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    server.enqueue(new MockResponse.Builder().code(404).build());
    String url = "http://127.0.0.1:" + server.getPort() + "/";
    Trace trace = new Trace();

    HttpTransaction t = fetcher.fetch(url, "POST", "127.0.0.1", trace, List.of()).transaction();

    RecordedRequest received = server.takeRequest();
    assertThat(received.getMethod()).isEqualTo("POST");
    assertThat(received.getBodySize()).isZero();
    assertThat(t.failure()).isNull();
    assertThat(t.alpn()).isNull();
    assertThat(t.request().method()).isEqualTo("POST");
    assertThat(t.request().headers()).containsEntry("Content-Length", "0");
    assertThat(t.response().code()).isEqualTo(404);
    assertThat(trace.toTestKeys().tlsHandshakes()).isEmpty();
    assertThat(trace.toTestKeys().tcpConnect()).hasSize(1);
  }

  @Test
  void connectionClosedBeforeTheResponse_isEofWithNoResponse() throws Exception {
    server.setProtocols(List.of(okhttp3.Protocol.HTTP_1_1));
    startHttps(CA.leaf(HOST));
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

    HttpTransaction t = fetcher.fetch(url("/"), "GET", "127.0.0.1", new Trace(), List.of()).transaction();

    assertThat(t.failure()).isEqualTo(Failures.EOF);
    assertThat(t.response()).isEqualTo(HttpResponse.NONE);
    assertThat(t.request().headers()).containsKey("Host");
  }

  @Test
  void untrustedCertificate_failsTheRequestAndItsHandshake() throws Exception {
    startHttps(TestCa.untrustedLeaf(HOST));
    Trace trace = new Trace();

    HttpTransaction t = fetcher.fetch(url("/"), "GET", "127.0.0.1", trace, List.of()).transaction();

    assertThat(t.failure()).isEqualTo(Failures.SSL_UNKNOWN_AUTHORITY);
    assertThat(trace.toTestKeys().tlsHandshakes()).singleElement().satisfies(h -> {
      assertThat(h.failure()).isEqualTo(Failures.SSL_UNKNOWN_AUTHORITY);
      assertThat(h.peerCertificates()).hasSize(1);
    });
    assertThat(trace.toTestKeys().tcpConnect()).singleElement()
        .satisfies(c -> assertThat(c.status().success()).isTrue());
  }

  private void startHttps(HeldCertificate leaf) throws IOException {
    server.useHttps(TestCa.serverContext(leaf).getSocketFactory());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  private String url(String path) {
    return "https://" + HOST + ":" + server.getPort() + path;
  }

  @Test
  void headerFloodPastTheClientsLimit_isTheServersOversizedHead_notAnEof() throws Exception {
    try (dev.msgprobe.testing.LoopbackServer flood = dev.msgprobe.testing.LoopbackServer.start(socket -> {
      dev.msgprobe.testing.Handlers.readRequestHead(socket.getInputStream());
      java.io.OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream());
      out.write("HTTP/1.1 200 OK\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] line = "X-Flood: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      for (int i = 0; i < 20_000; i++) {
        out.write(line);
      }
      out.flush();
    })) {
      HttpFetcher.HttpFetch fetch = fetcher.fetch("http://127.0.0.1:" + flood.port() + "/", "GET", "127.0.0.1",
          new Trace(), List.of());

      assertThat(fetch.failure()).startsWith("unknown_failure: the response head passed the client's 256 KiB limit");
    }
  }

  @Test
  void bodyDrippingUntilTheCallDeadline_isStillArriving_notATimeout() throws Exception {
    try (LoopbackServer drip = LoopbackServer.start(Handlers.paced(100, 1_000_000))) {
      HttpTransaction t = plainGet(drip);

      assertThat(t.response().code()).isEqualTo(200);
      assertThat(t.failure()).isEqualTo(Failures.STILL_ARRIVING);
      assertThat(t.progress().requestSent()).isTrue();
      assertThat(t.progress().headT()).isNotNull();
      assertThat(t.progress().bodyBytes()).isPositive();
      assertThat(t.progress().lastByteT()).isGreaterThan(t.progress().headT());
    }
  }

  @Test
  void headDrippingUntilTheCallDeadline_isStillArriving_notATimeout() throws Exception {
    try (LoopbackServer drip = LoopbackServer.start(Handlers.dripHead())) {
      HttpTransaction t = plainGet(drip);

      assertThat(t.response().code()).isZero();
      assertThat(t.failure()).isEqualTo(Failures.STILL_ARRIVING);
      assertThat(t.progress().requestSent()).isTrue();
      assertThat(t.progress().headT()).isNull();
    }
  }

  @Test
  void bodyThatStopsAfterSomeBytes_isATimeout_withTheBytesAndTheLastByteRecorded() throws Exception {
    try (LoopbackServer stall = LoopbackServer.start(Handlers.sendThenStall(3_000))) {
      HttpTransaction t = plainGet(stall);

      assertThat(t.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
      assertThat(t.response().code()).isEqualTo(200);
      assertThat(t.progress().bodyBytes()).isEqualTo(3_000);
      assertThat(t.progress().lastByteT()).isNotNull().isLessThan(t.t());
    }
  }

  @Test
  void serverThatNeverAnswers_isATimeout_withTheRequestSentAndNoByte() throws Exception {
    try (LoopbackServer late = LoopbackServer.start(Handlers.readRequestThenSilent())) {
      HttpTransaction t = plainGet(late);

      assertThat(t.failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
      assertThat(t.progress().requestSent()).isTrue();
      assertThat(t.progress().anyByte()).isFalse();
      assertThat(t.progress().bodyBytes()).isZero();
    }
  }

  @Test
  void completeResponse_recordsItsWholeBodyAndItsLastByte() throws Exception {
    try (LoopbackServer ok = LoopbackServer.start(Handlers.httpOk(new byte[5_000]))) {
      HttpTransaction t = plainGet(ok);

      assertThat(t.failure()).isNull();
      assertThat(t.progress().bodyBytes()).isEqualTo(5_000);
      assertThat(t.progress().anyByte()).isTrue();
    }
  }

  private static HttpTransaction plainGet(LoopbackServer server) {
    return new HttpFetcher(Trust.jdkDefault(), Duration.ofMillis(1000), 1 << 20)
        .fetch("http://127.0.0.1:" + server.port() + "/", "GET", "127.0.0.1", new Trace(), List.of()).transaction();
  }
}
