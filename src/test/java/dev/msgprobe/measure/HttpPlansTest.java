package dev.msgprobe.measure;

import static dev.msgprobe.measure.MeasurerFixture.CA;
import static dev.msgprobe.measure.MeasurerFixture.HOST;
import static dev.msgprobe.measure.MeasurerFixture.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.testing.TestCa;
import dev.msgprobe.testing.TestEndpoints;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpPlansTest {
  private final MeasurerFixture fixture = new MeasurerFixture();
  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void https200_recordsDnsTcpTlsAndTheRequest() throws Exception {
    startHttps();
    server.enqueue(new MockResponse.Builder().body("welcome").build());
    fixture.resolver.answer(HOST, "127.0.0.1");

    TestKeys keys = fixture.measure(TestEndpoints.of(url("/")));

    assertThat(keys.queries()).hasSize(1);
    assertThat(keys.tcpConnect()).hasSize(2).allSatisfy(c -> assertThat(c.status().success()).isTrue());
    assertThat(keys.tlsHandshakes()).hasSize(2).allSatisfy(h -> assertThat(h.failure()).isNull());
    assertThat(keys.requests()).singleElement().satisfies(r -> {
      assertThat(r.failure()).isNull();
      assertThat(r.response().code()).isEqualTo(200);
      assertThat(r.response().body().asText()).isEqualTo("welcome");
      assertThat(r.tags()).isEmpty();
      assertThat(r.request().url()).isEqualTo(url("/"));
    });
    assertThat(keys.agent()).isEqualTo("redirect");
  }

  @Test
  void redirectChain_isFollowedByHandAcrossHostsAndRecordedLastHopFirst() throws Exception {
    startHttps();
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/step2").build());
    server.enqueue(new MockResponse.Builder().code(301)
        .addHeader("Location", "https://" + OTHER + ":" + server.getPort() + "/final").build());
    server.enqueue(new MockResponse.Builder().body("arrived").build());
    fixture.resolver.answer(HOST, "127.0.0.1").answer(OTHER, "127.0.0.1");

    TestKeys keys = fixture.measure(TestEndpoints.of(url("/")));

    assertThat(keys.requests()).extracting(r -> r.request().url()).containsExactly(
        "https://" + OTHER + ":" + server.getPort() + "/final", url("/step2"), url("/"));
    assertThat(keys.requests()).extracting(r -> r.response().code()).containsExactly(200, 301, 302);
    assertThat(fixture.resolver.asked()).containsExactly(HOST, OTHER);
    assertThat(keys.queries()).hasSize(2);
    assertThat(keys.tlsHandshakes()).extracting(TlsHandshake::serverName).containsExactly(HOST, HOST, HOST, OTHER);
  }

  @Test
  void redirects_stopAtTheLimit() throws Exception {
    fixture.maxRedirects = 1;
    startHttps();
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/again").build());
    }
    fixture.resolver.answer(HOST, "127.0.0.1");

    TestKeys keys = fixture.measure(TestEndpoints.of(url("/")));

    assertThat(keys.requests()).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void redirectToAHostWithoutAddress_endsTheChainAfterItsLookup() throws Exception {
    startHttps();
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "https://" + OTHER + "/").build());
    fixture.resolver.answer(HOST, "127.0.0.1");

    TestKeys keys = fixture.measure(TestEndpoints.of(url("/")));

    assertThat(keys.requests()).hasSize(1);
    assertThat(keys.queries()).extracting(q -> q.failure()).containsExactly(null, Failures.DNS_NXDOMAIN);
  }

  @Test
  void redirectToAPrivateAddressLiteral_isNotFollowed() throws Exception {
    startHttps();
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "http://10.0.0.1/admin").build());
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "http://[::1]:1/").build());
    fixture.resolver.answer(HOST, "127.0.0.1");

    TestKeys keys = fixture.measure(TestEndpoints.of(url("/")));

    assertThat(keys.requests()).singleElement().satisfies(r -> assertThat(r.response().code()).isEqualTo(302));
    assertThat(keys.tcpConnect()).noneMatch(c -> c.ip().equals("10.0.0.1"));
  }

  @Test
  void redirectToTheMeasuredAddressItself_isFollowed() throws Exception {
    startHttps();
    server.enqueue(new MockResponse.Builder().code(302)
        .addHeader("Location", "https://127.0.0.1:" + server.getPort() + "/here").build());
    server.enqueue(new MockResponse.Builder().body("arrived").build());
    fixture.resolver.answer(HOST, "127.0.0.1");

    TestKeys keys = fixture.measure(TestEndpoints.of(url("/")));

    assertThat(keys.requests()).hasSize(2);
  }

  @Test
  void postToAnIpLiteralOverPlainHttp_skipsDnsAndSendsAnEmptyPost() throws Exception {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    server.enqueue(new MockResponse.Builder().code(501).build());
    String url = "http://127.0.0.1:" + server.getPort() + "/";

    TestKeys keys = fixture.measure(TestEndpoints.withMethod(TestEndpoints.of(url), "POST"));

    assertThat(keys.queries()).isEmpty();
    assertThat(keys.tlsHandshakes()).isEmpty();
    assertThat(keys.requests()).singleElement().satisfies(r -> {
      assertThat(r.request().method()).isEqualTo("POST");
      assertThat(r.response().code()).isEqualTo(501);
      assertThat(r.failure()).isNull();
    });
    assertThat(server.takeRequest().getBodySize()).isZero();
  }

  @Test
  void requestCutAfterTheHandshake_isRetriedOnceAndTagged() throws Exception {
    server.setProtocols(List.of(Protocol.HTTP_1_1));
    startHttps();
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    }
    fixture.resolver.answer(HOST, "127.0.0.1");

    TestKeys keys = fixture.measure(TestEndpoints.of(url("/")));

    assertThat(keys.requests()).extracting(HttpTransaction::tags).containsExactly(List.of("retry"), List.of());
    assertThat(keys.requests()).extracting(HttpTransaction::failure).containsOnly(Failures.EOF);
    assertThat(fixture.pauses).hasSize(1);
  }

  @Test
  void failedHandshake_meansNoRequest() throws Exception {
    server.useHttps(TestCa.serverContext(TestCa.untrustedLeaf(HOST)).getSocketFactory());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    fixture.resolver.answer(HOST, "127.0.0.1");

    TestKeys keys = fixture.measure(TestEndpoints.of(url("/")));

    assertThat(keys.tlsHandshakes()).hasSize(4);
    assertThat(keys.requests()).isEmpty();
  }

  private void startHttps() throws IOException {
    server.useHttps(TestCa.serverContext(CA.leaf(HOST, OTHER)).getSocketFactory());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  private String url(String path) {
    return "https://" + HOST + ":" + server.getPort() + path;
  }
}
