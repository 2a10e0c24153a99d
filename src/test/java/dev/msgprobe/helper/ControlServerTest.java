package dev.msgprobe.helper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.net.Trust;
import dev.msgprobe.testing.FakeDnsBehaviour;
import dev.msgprobe.testing.FakeDnsServer;
import dev.msgprobe.testing.FakeDnsZone;
import dev.msgprobe.testing.LoopbackServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ControlServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HeldCertificate CA = new HeldCertificate.Builder()
      .commonName("msgprobe helper test CA").certificateAuthority(0).build();
  private static final HeldCertificate WEB = new HeldCertificate.Builder()
      .addSubjectAlternativeName("web.example").signedBy(CA).build();
  private static final String PAGE = "<html><head><title>Fake Web Page</title></head><body>hello</body></html>";

  /** Held so that the quieted loggers are not collected and recreated. */
  private static final List<Logger> QUIET = List.of(Logger.getLogger(MockWebServer.class.getName()),
      Logger.getLogger("okhttp3.OkHttpClient"));

  private static FakeDnsServer dns;
  private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(8)).build();
  private final List<AutoCloseable> started = new ArrayList<>();

  @BeforeAll
  static void startDns() throws IOException {
    QUIET.forEach(logger -> logger.setLevel(Level.OFF));
    dns = FakeDnsServer.start(new FakeDnsZone()
        .answer("web.example", "127.0.0.1")
        .on("gone.example", FakeDnsBehaviour.nxdomain()));
  }

  @AfterAll
  static void stopDns() {
    dns.close();
  }

  @AfterEach
  void stopAll() throws Exception {
    for (AutoCloseable c : started) {
      c.close();
    }
  }

  @Test
  void get_isOonisHealthCheck() throws IOException {
    ControlServer helper = helper(true, null, 4);

    try (Response response = client.newCall(new Request.Builder().url(helper.url()).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo("{\"message\":\"Hello OONItarian!\"}");
    }
  }

  @Test
  void httpTarget_isAnsweredInOonisShape() throws Exception {
    MockWebServer web = web(false);
    web.enqueue(new MockResponse.Builder().addHeader("x-served-by", "fake").body(PAGE).build());
    int port = web.getPort();
    ControlServer helper = helper(true, null, 4);

    JsonNode reply = post(helper, "{\"http_request\":\"http://web.example:" + port + "/\","
        + "\"http_request_headers\":{\"User-Agent\":[\"probe-agent\"],\"Accept\":[\"text/html\"],\"X-Secret\":[\"no\"]},"
        + "\"tcp_connect\":[\"127.0.0.1:" + port + "\"],\"x_quic_enabled\":false}");

    assertThat(fieldNames(reply)).containsExactly("tcp_connect", "tls_handshake", "quic_handshake", "http_request",
        "http3_request", "dns", "ip_info");
    assertThat(reply.get("tcp_connect").toString())
        .isEqualTo("{\"127.0.0.1:" + port + "\":{\"status\":true,\"failure\":null}}");
    assertThat(reply.get("tls_handshake").toString()).isEqualTo("{}");
    assertThat(reply.get("quic_handshake").toString()).isEqualTo("{}");
    assertThat(reply.get("http3_request").isNull()).isTrue();
    JsonNode http = reply.get("http_request");
    assertThat(fieldNames(http))
        .containsExactly("body_length", "discovered_h3_endpoint", "failure", "title", "headers", "status_code");
    assertThat(http.get("status_code").asInt()).isEqualTo(200);
    assertThat(http.get("body_length").asInt()).isEqualTo(PAGE.length());
    assertThat(http.get("failure").isNull()).isTrue();
    assertThat(http.get("title").asText()).isEqualTo("Fake Web Page");
    assertThat(http.get("headers").get("X-Served-By").asText()).isEqualTo("fake");
    assertThat(reply.get("dns").toString()).isEqualTo("{\"failure\":null,\"addrs\":[\"127.0.0.1\"]}");
    assertThat(reply.get("ip_info").toString()).isEqualTo("{\"127.0.0.1\":{\"asn\":0,\"flags\":7}}");
    RecordedRequest fetched = web.takeRequest(1, TimeUnit.SECONDS);
    assertThat(fetched.getHeaders().get("User-Agent")).isEqualTo("probe-agent");
    assertThat(fetched.getHeaders().get("Accept")).isEqualTo("text/html");
    assertThat(fetched.getHeaders().get("X-Secret")).isNull();
  }

  @Test
  void httpsTarget_getsAHandshakeWithSni_andIsValidForTheDomain() throws Exception {
    MockWebServer web = web(true);
    web.enqueue(new MockResponse.Builder().body(PAGE).build());
    ControlServer helper = helper(true, null, 4);

    JsonNode reply = post(helper, request("https://web.example:" + web.getPort() + "/"));

    String endpoint = "127.0.0.1:" + web.getPort();
    assertThat(reply.get("tls_handshake").toString())
        .isEqualTo("{\"" + endpoint + "\":{\"server_name\":\"web.example\",\"status\":true,\"failure\":null}}");
    assertThat(reply.get("ip_info").get("127.0.0.1").get("flags").asInt()).isEqualTo(2 | 4 | 8);
    assertThat(reply.get("http_request").get("status_code").asInt()).isEqualTo(200);
    assertThat(web.takeRequest(1, TimeUnit.SECONDS).getHandshakeServerNames()).containsExactly("web.example");
  }

  @Test
  void untrustedCertificate_isSslUnknownAuthority() throws Exception {
    MockWebServer web = web(true);
    web.enqueue(new MockResponse.Builder().body(PAGE).build());
    ControlServer helper = start(config(true, null, 4, Trust.jdkDefault()));

    JsonNode reply = post(helper, request("https://web.example:" + web.getPort() + "/"));

    JsonNode tls = reply.get("tls_handshake").get("127.0.0.1:" + web.getPort());
    assertThat(tls.get("status").asBoolean()).isFalse();
    assertThat(tls.get("failure").asText()).isEqualTo("ssl_unknown_authority");
    assertThat(reply.get("ip_info").get("127.0.0.1").get("flags").asInt()).isEqualTo(2 | 4);
    assertThat(reply.get("http_request").get("failure").asText()).isEqualTo("unknown_error");
  }

  @Test
  void refusedPort_isConnectionRefusedError() throws Exception {
    int closed = LoopbackServer.closedPort();
    ControlServer helper = helper(true, null, 4);

    JsonNode reply = post(helper, request("http://web.example:" + closed + "/"));

    assertThat(reply.get("tcp_connect").toString())
        .isEqualTo("{\"127.0.0.1:" + closed + "\":{\"status\":false,\"failure\":\"connection_refused_error\"}}");
    assertThat(reply.get("http_request").toString()).isEqualTo("{\"body_length\":-1,\"discovered_h3_endpoint\":\"\","
        + "\"failure\":\"connection_refused_error\",\"title\":\"\",\"headers\":{},\"status_code\":-1}");
  }

  @Test
  void nxdomain_isDnsNameError_andTheFetchADnsLookupError() throws Exception {
    ControlServer helper = helper(true, null, 4);

    JsonNode reply = post(helper, request("https://gone.example/"));

    assertThat(reply.get("dns").toString()).isEqualTo("{\"failure\":\"dns_name_error\",\"addrs\":[]}");
    assertThat(reply.get("tcp_connect").toString()).isEqualTo("{}");
    assertThat(reply.get("http_request").get("failure").asText()).isEqualTo("dns_lookup_error");
  }

  @Test
  void withoutAllowPrivate_noBogonIsEverConnectedTo() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = listener.getLocalPort();
      ControlServer helper = helper(false, null, 4);

      JsonNode byName = post(helper, "{\"http_request\":\"http://web.example:" + port + "/\","
          + "\"tcp_connect\":[\"127.0.0.1:" + port + "\"]}");
      JsonNode byAddress = post(helper, request("http://127.0.0.1:" + port + "/"));

      assertThat(byName.get("tcp_connect").toString()).isEqualTo("{}");
      assertThat(byName.get("ip_info").toString()).isEqualTo("{\"127.0.0.1\":{\"asn\":0,\"flags\":7}}");
      assertThat(byName.get("http_request").get("failure").asText()).isEqualTo("unknown_error");
      assertThat(byAddress.get("tcp_connect").toString()).isEqualTo("{}");
      assertThat(byAddress.get("http_request").get("failure").asText()).isEqualTo("unknown_error");
      listener.setSoTimeout(200);
      assertThatThrownBy(listener::accept).as("no connection reached the listener")
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void redirects_areFollowedWithTheirCookies() throws Exception {
    MockWebServer web = web(false);
    web.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/next").addHeader("Set-Cookie", "seen=1")
        .build());
    web.enqueue(new MockResponse.Builder().body("<title>Final</title>").build());
    ControlServer helper = helper(true, null, 4);

    JsonNode reply = post(helper, request("http://web.example:" + web.getPort() + "/"));

    assertThat(reply.get("http_request").get("status_code").asInt()).isEqualTo(200);
    assertThat(reply.get("http_request").get("title").asText()).isEqualTo("Final");
    web.takeRequest(1, TimeUnit.SECONDS);
    RecordedRequest second = web.takeRequest(1, TimeUnit.SECONDS);
    assertThat(second.getTarget()).isEqualTo("/next");
    assertThat(second.getHeaders().get("Cookie")).isEqualTo("seen=1");
  }

  @Test
  void aTenthRedirect_isAFailure() throws Exception {
    MockWebServer web = web(false);
    for (int i = 0; i < 11; i++) {
      web.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/hop" + i).build());
    }
    ControlServer helper = helper(true, null, 4);

    JsonNode reply = post(helper, request("http://web.example:" + web.getPort() + "/"));

    assertThat(reply.get("http_request").get("failure").asText()).isEqualTo("unknown_error");
    assertThat(reply.get("http_request").get("status_code").asInt()).isEqualTo(-1);
    assertThat(web.getRequestCount()).isEqualTo(10);
  }

  @Test
  void withAToken_requestsWithoutTheBearerTokenAre401() throws IOException {
    ControlServer helper = helper(true, "s3cret", 4);

    assertThat(status(new Request.Builder().url(helper.url()))).isEqualTo(401);
    assertThat(status(new Request.Builder().url(helper.url()).header("Authorization", "Bearer wrong"))).isEqualTo(401);
    assertThat(status(new Request.Builder().url(helper.url()).post(json(request("https://gone.example/")))))
        .isEqualTo(401);
    assertThat(status(new Request.Builder().url(helper.url()).header("Authorization", "Bearer s3cret")))
        .isEqualTo(200);
  }

  @Test
  void bodyOverTheLimit_is413() throws IOException {
    ControlServer helper = helper(true, null, 4);
    String padded = "{\"http_request\":\"https://gone.example/\",\"pad\":\""
        + "x".repeat(HelperConfig.DEFAULT_MAX_REQUEST_BYTES) + "\"}";

    assertThat(status(new Request.Builder().url(helper.url()).post(json(padded)))).isEqualTo(413);
  }

  @Test
  void moreRequestsThanMaxInflight_get503() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    MockWebServer web = web(false);
    web.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        arrived.countDown();
        release.await(5, TimeUnit.SECONDS);
        return new MockResponse.Builder().body(PAGE).build();
      }
    });
    ControlServer helper = helper(true, null, 1);
    var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return post(helper, request("http://web.example:" + web.getPort() + "/"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();

    int second = status(new Request.Builder().url(helper.url()).post(json(request("https://gone.example/"))));
    release.countDown();

    assertThat(second).isEqualTo(503);
    assertThat(first.get(5, TimeUnit.SECONDS).get("http_request").get("status_code").asInt()).isEqualTo(200);
  }

  @Test
  void otherMethods_are405_andBadBodies400() throws IOException {
    ControlServer helper = helper(true, null, 4);

    assertThat(status(new Request.Builder().url(helper.url()).put(json("{}")))).isEqualTo(405);
    assertThat(status(new Request.Builder().url(helper.url()).post(json("not json")))).isEqualTo(400);
    assertThat(status(new Request.Builder().url(helper.url()).post(json("{\"tcp_connect\":[]}")))).isEqualTo(400);
    assertThat(status(new Request.Builder().url(helper.url()).post(json(request("no url"))))).isEqualTo(400);
  }

  private ControlServer helper(boolean allowPrivate, String token, int maxInflight) throws IOException {
    return start(config(allowPrivate, token, maxInflight, Trust.of(List.of(CA.certificate()))));
  }

  private HelperConfig config(boolean allowPrivate, String token, int maxInflight, Trust trust) {
    return new HelperConfig(new InetSocketAddress("127.0.0.1", 0), dns.address(), trust, Duration.ofSeconds(1),
        allowPrivate, token, maxInflight, HelperConfig.DEFAULT_MAX_REQUEST_BYTES);
  }

  private ControlServer start(HelperConfig config) throws IOException {
    ControlServer helper = ControlServer.start(config);
    started.add(helper);
    return helper;
  }

  private MockWebServer web(boolean https) throws IOException {
    MockWebServer web = new MockWebServer();
    started.add(web);
    if (https) {
      web.useHttps(new HandshakeCertificates.Builder().heldCertificate(WEB).build().sslSocketFactory());
    }
    web.start(InetAddress.getByName("127.0.0.1"), 0);
    return web;
  }

  private static String request(String url) {
    return "{\"http_request\":\"" + url + "\",\"http_request_headers\":{},\"tcp_connect\":[],\"x_quic_enabled\":false}";
  }

  private JsonNode post(ControlServer helper, String body) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(helper.url()).post(json(body)).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).isEqualTo("application/json");
      return JSON.readTree(response.body().bytes());
    }
  }

  private int status(Request.Builder request) throws IOException {
    try (Response response = client.newCall(request.build()).execute()) {
      return response.code();
    }
  }

  private static RequestBody json(String body) {
    return RequestBody.create(body, MediaType.get("application/json"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

}
