package dev.msgprobe.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.helper.ControlServer;
import dev.msgprobe.helper.HelperConfig;
import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.LegacyFailures;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.net.Trust;
import dev.msgprobe.testing.FakeDnsBehaviour;
import dev.msgprobe.testing.FakeDnsServer;
import dev.msgprobe.testing.FakeDnsZone;
import dev.msgprobe.testing.LoopbackServer;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ControlStepTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String TOKEN = "t0ken-for-tests";
  private static final HeldCertificate CA = new HeldCertificate.Builder()
      .commonName("msgprobe control test CA").certificateAuthority(0).build();
  private static final HeldCertificate WEB = new HeldCertificate.Builder()
      .addSubjectAlternativeName("web.example").signedBy(CA).build();

  /** Held so that the quieted loggers are not collected and recreated. */
  private static final List<Logger> QUIET = List.of(Logger.getLogger(MockWebServer.class.getName()),
      Logger.getLogger("okhttp3.OkHttpClient"));

  private static FakeDnsServer dns;
  private static MockWebServer web;
  private static MockWebServer secureWeb;
  private static ControlServer helper;
  private static ControlServer tokenHelper;

  @BeforeAll
  static void start() throws IOException {
    QUIET.forEach(logger -> logger.setLevel(Level.OFF));
    dns = FakeDnsServer.start(new FakeDnsZone()
        .answer("web.example", "127.0.0.1")
        .on("gone.example", FakeDnsBehaviour.nxdomain()));
    web = new MockWebServer();
    web.start(InetAddress.getByName("127.0.0.1"), 0);
    secureWeb = new MockWebServer();
    secureWeb.useHttps(new HandshakeCertificates.Builder().heldCertificate(WEB).build().sslSocketFactory());
    secureWeb.start(InetAddress.getByName("127.0.0.1"), 0);
    helper = ControlServer.start(config(null));
    tokenHelper = ControlServer.start(config(TOKEN));
  }

  @AfterAll
  static void stop() {
    helper.close();
    tokenHelper.close();
    web.close();
    secureWeb.close();
    dns.close();
  }

  @Test
  void reachableHttpEndpoint_recordsTheControlsDnsTcpAndHttp() {
    web.enqueue(new MockResponse.Builder().addHeader("X-Served-By", "fake").body("<title>Fake</title>").build());
    Endpoint endpoint = endpoint("http", "web.example", web.getPort(), "/");

    TestKeys keys = measure(new ControlStep(helper.url(), TIMEOUT, Trust.jdkDefault(), null), endpoint,
        List.of("127.0.0.1"));

    DnsQuery query = keys.queries().get(0);
    assertThat(keys.queries()).hasSize(1);
    assertThat(query.tags()).containsExactly(Tags.CONTROL);
    assertThat(query.engine()).isEqualTo("control");
    assertThat(query.resolverAddress()).isEqualTo(helper.url());
    assertThat(query.hostname()).isEqualTo("web.example");
    assertThat(query.queryType()).isEqualTo("ANY");
    assertThat(query.failure()).isNull();
    assertThat(query.addresses()).containsExactly("127.0.0.1");
    assertThat(keys.tcpConnect()).extracting(TcpConnect::ip, TcpConnect::port, TcpConnect::failure, TcpConnect::tags)
        .containsExactly(tuple("127.0.0.1", web.getPort(), null, List.of(Tags.CONTROL)));
    assertThat(keys.tlsHandshakes()).isEmpty();
    HttpTransaction fetch = keys.requests().get(0);
    assertThat(keys.requests()).hasSize(1);
    assertThat(fetch.tags()).containsExactly(Tags.CONTROL);
    assertThat(fetch.failure()).isNull();
    assertThat(fetch.request().url()).isEqualTo(endpoint.url());
    assertThat(fetch.request().method()).isEqualTo("GET");
    assertThat(fetch.response().code()).isEqualTo(200);
    assertThat(fetch.response().header("X-Served-By")).isEqualTo("fake");
    assertThat(fetch.response().body().asText()).isEmpty();
    assertThat(fetch.response().bodyIsTruncated()).as("the helper read a body that is not recorded").isTrue();
    assertThat(fetch.t()).isGreaterThanOrEqualTo(fetch.t0());
  }

  @Test
  void tlsEndpoint_recordsTheControlsHandshake_andNoFetch() {
    secureWeb.enqueue(new MockResponse.Builder().body("not what a tls endpoint speaks").build());
    Endpoint endpoint = endpoint("tls", "web.example", secureWeb.getPort(), "/");

    TestKeys keys = measure(new ControlStep(helper.url(), TIMEOUT, Trust.jdkDefault(), null), endpoint, List.of());

    String address = "127.0.0.1:" + secureWeb.getPort();
    assertThat(keys.tlsHandshakes()).extracting(TlsHandshake::address, TlsHandshake::serverName,
        TlsHandshake::failure, TlsHandshake::tags)
        .containsExactly(tuple(address, "web.example", null, List.of(Tags.CONTROL)));
    assertThat(keys.tlsHandshakes().get(0).transactionId()).isEqualTo(keys.tcpConnect().get(0).transactionId());
    assertThat(keys.requests()).isEmpty();
  }

  @Test
  void refusedTcpEndpoint_isRecordedAsConnectionRefused() throws IOException {
    Endpoint endpoint = endpoint("tcp", "web.example", LoopbackServer.closedPort(), "/");

    TestKeys keys = measure(new ControlStep(helper.url(), TIMEOUT, Trust.jdkDefault(), null), endpoint,
        List.of("127.0.0.1"));

    assertThat(keys.tcpConnect()).extracting(TcpConnect::failure).containsExactly(Failures.CONNECTION_REFUSED);
    assertThat(keys.tcpConnect().get(0).status().success()).isFalse();
    assertThat(keys.requests()).isEmpty();
  }

  @Test
  void nxdomain_isRecordedAsDnsNxdomainError() {
    Endpoint endpoint = endpoint("https", "gone.example", 443, "/");

    TestKeys keys = measure(new ControlStep(helper.url(), TIMEOUT, Trust.jdkDefault(), null), endpoint, List.of());

    assertThat(keys.queries()).extracting(DnsQuery::failure, DnsQuery::answers)
        .containsExactly(tuple(Failures.DNS_NXDOMAIN, null));
    assertThat(keys.tcpConnect()).isEmpty();
    assertThat(keys.requests()).extracting(HttpTransaction::failure).containsExactly(Failures.DNS_SERVER_MISBEHAVING);
  }

  @Test
  void dnsEndpoint_recordsOnlyTheControlsLookup() {
    TestKeys keys = measure(new ControlStep(helper.url(), TIMEOUT, Trust.jdkDefault(), null),
        endpoint("dns", "web.example", 53, "/"), List.of("127.0.0.1"));

    assertThat(keys.queries()).extracting(DnsQuery::addresses).containsExactly(List.of("127.0.0.1"));
    assertThat(keys.tcpConnect()).isEmpty();
    assertThat(keys.tlsHandshakes()).isEmpty();
    assertThat(keys.requests()).isEmpty();
  }

  @Test
  void helperDown_isOneControlFailure_andNothingAboutTheEndpoint() throws IOException {
    String downUrl = "http://127.0.0.1:" + LoopbackServer.closedPort() + "/";

    TestKeys keys = measure(new ControlStep(downUrl, TIMEOUT, Trust.jdkDefault(), null),
        endpoint("https", "web.example", 443, "/"), List.of("127.0.0.1"));

    assertThat(keys.queries()).isEmpty();
    assertThat(keys.tcpConnect()).isEmpty();
    assertThat(keys.tlsHandshakes()).isEmpty();
    HttpTransaction call = keys.requests().get(0);
    assertThat(keys.requests()).hasSize(1);
    assertThat(call.tags()).containsExactly(Tags.CONTROL);
    assertThat(call.failure()).isEqualTo(Failures.CONNECTION_REFUSED);
    assertThat(call.request().url()).isEqualTo(downUrl);
    assertThat(call.request().method()).isEqualTo("POST");
    assertThat(call.response().code()).isZero();
  }

  @Test
  void helperRefusingTheToken_isHttpRequestFailed_andTheTokenIsNeverRecorded() throws IOException {
    Endpoint endpoint = endpoint("http", "web.example", web.getPort(), "/");
    web.enqueue(new MockResponse.Builder().body("ok").build());

    TestKeys refused = measure(new ControlStep(tokenHelper.url(), TIMEOUT, Trust.jdkDefault(), "wrong"), endpoint,
        List.of());
    TestKeys answered = measure(new ControlStep(tokenHelper.url(), TIMEOUT, Trust.jdkDefault(), TOKEN), endpoint,
        List.of());

    assertThat(refused.requests()).extracting(HttpTransaction::failure).containsExactly("http_request_failed");
    assertThat(refused.requests().get(0).response().code()).isZero();
    assertThat(answered.queries()).extracting(DnsQuery::failure).containsExactly((String) null);
    assertThat(answered.requests()).extracting(HttpTransaction::failure).containsExactly((String) null);
    ObjectMapper json = new ObjectMapper();
    assertThat(json.writeValueAsString(refused) + json.writeValueAsString(answered)).doesNotContain(TOKEN, "wrong");
  }

  @Test
  void oonisReplyWithLegacyStrings_isReadIntoCurrentOnes() throws Exception {
    try (MockWebServer ooni = new MockWebServer()) {
      ooni.enqueue(new MockResponse.Builder().body("""
          {"tcp_connect": {"93.184.216.34:443": {"status": false, "failure": "connection_refused_error"},
                           "[2606:2800:220:1:248:1893:25c8:1946]:443": {"status": false, "failure": "connect_error"}},
           "tls_handshake": {},
           "quic_handshake": {},
           "http_request": {"body_length": -1, "discovered_h3_endpoint": "", "failure": "connection_refused_error",
                            "title": "", "headers": {}, "status_code": -1},
           "http3_request": null,
           "dns": {"failure": null, "addrs": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"]},
           "ip_info": {"93.184.216.34": {"asn": 15133, "flags": 11}},
           "x_future_field": [1, 2, 3]}
          """).build());
      ooni.start(InetAddress.getByName("127.0.0.1"), 0);

      TestKeys keys = measure(new ControlStep(ooni.url("/").toString(), TIMEOUT, Trust.jdkDefault(), null),
          endpoint("https", "www.example.com", 443, "/"), List.of("93.184.216.34"));

      assertThat(keys.queries().get(0).answers()).extracting(a -> a.answerType(), a -> a.address(), a -> a.asn())
          .containsExactly(tuple("A", "93.184.216.34", 15133),
              tuple("AAAA", "2606:2800:220:1:248:1893:25c8:1946", null));
      assertThat(keys.tcpConnect()).extracting(TcpConnect::ip, TcpConnect::failure).containsExactly(
          tuple("93.184.216.34", Failures.CONNECTION_REFUSED),
          tuple("2606:2800:220:1:248:1893:25c8:1946", "unknown_failure: connect_error"));
      assertThat(keys.requests()).extracting(HttpTransaction::failure).containsExactly(Failures.CONNECTION_REFUSED);
      assertThat(keys.requests().get(0).response().code()).isZero();
      assertThat(ooni.takeRequest().getBody().utf8()).contains("\"tcp_connect\":[\"93.184.216.34:443\"]",
          "\"http_request\":\"https://www.example.com/\"", "\"x_quic_enabled\":false");
    }
  }

  @Test
  void replyThatIsNotJson_isJsonParseError() throws IOException {
    try (MockWebServer notAHelper = new MockWebServer()) {
      notAHelper.enqueue(new MockResponse.Builder().body("<html>hello</html>").build());
      notAHelper.start(InetAddress.getByName("127.0.0.1"), 0);

      TestKeys keys = measure(new ControlStep(notAHelper.url("/").toString(), TIMEOUT, Trust.jdkDefault(), null),
          endpoint("https", "www.example.com", 443, "/"), List.of());

      assertThat(keys.requests()).extracting(HttpTransaction::failure).containsExactly("json_parse_error");
    }
  }

  @Test
  void everySchemeIsSentAsAUrlAHelperMeasures() {
    assertThat(ControlStep.urlFor(endpoint("https", "web.whatsapp.com", 443, "/"))).isEqualTo("https://web.whatsapp.com/");
    assertThat(ControlStep.urlFor(endpoint("http", "149.154.175.50", 443, "/api")))
        .isEqualTo("http://149.154.175.50:443/api");
    assertThat(ControlStep.urlFor(endpoint("wss", "ws-api.oneme.ru", 443, "/websocket")))
        .isEqualTo("https://ws-api.oneme.ru/websocket");
    assertThat(ControlStep.urlFor(endpoint("wss", "ws.example", 8443, "/ws"))).isEqualTo("https://ws.example:8443/ws");
    assertThat(ControlStep.urlFor(endpoint("tls", "e1.whatsapp.net", 443, "/"))).isEqualTo("https://e1.whatsapp.net:443/");
    assertThat(ControlStep.urlFor(endpoint("tcp", "e1.whatsapp.net", 5222, "/"))).isEqualTo("http://e1.whatsapp.net:5222/");
    assertThat(ControlStep.urlFor(endpoint("tcp", "2001:db8::1", 443, "/"))).isEqualTo("http://[2001:db8::1]:443/");
    assertThat(ControlStep.urlFor(endpoint("dns", "whatsapp.com", 53, "/"))).isEqualTo("dns://whatsapp.com/");
  }

  @Test
  void legacyFailureStrings_becomeCurrentOnes() {
    assertThat(LegacyFailures.current("connection_refused_error")).isEqualTo(Failures.CONNECTION_REFUSED);
    assertThat(LegacyFailures.current("dns_name_error")).isEqualTo(Failures.DNS_NXDOMAIN);
    assertThat(LegacyFailures.current("dns_server_failure")).isEqualTo(Failures.DNS_SERVER_MISBEHAVING);
    assertThat(LegacyFailures.current("dns_lookup_error")).isEqualTo(Failures.DNS_SERVER_MISBEHAVING);
    assertThat(LegacyFailures.current("tcp_timed_out_error")).isEqualTo(Failures.GENERIC_TIMEOUT);
    assertThat(LegacyFailures.current("unknown_error")).isEqualTo(Failures.UNKNOWN);
    assertThat(LegacyFailures.current("generic_timeout_error")).isEqualTo(Failures.GENERIC_TIMEOUT);
    assertThat(LegacyFailures.current("ssl_unknown_authority")).isEqualTo(Failures.SSL_UNKNOWN_AUTHORITY);
    assertThat(LegacyFailures.current(null)).isNull();
  }

  private static TestKeys measure(ControlStep step, Endpoint endpoint, List<String> probeAddresses) {
    Trace trace = new Trace();
    step.measure(endpoint, probeAddresses, trace);
    return trace.toTestKeys();
  }

  /** An endpoint as a list would give it: the port in the URL unless it is the scheme's default. */
  private static Endpoint endpoint(String scheme, String host, int port, String path) {
    int defaultPort = switch (scheme) {
      case "https", "wss" -> 443;
      case "http" -> 80;
      case "dns" -> 53;
      default -> -1;
    };
    String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (port == defaultPort ? "" : ":" + port);
    return new Endpoint(scheme + "://" + authority + path, scheme, host, port, path, "GET", "test", "web", "test", 0,
        null, null, null, null, null, false);
  }

  private static HelperConfig config(String token) {
    return new HelperConfig(new InetSocketAddress("127.0.0.1", 0), dns.address(), Trust.of(List.of(CA.certificate())),
        Duration.ofSeconds(1), true, token, 4, HelperConfig.DEFAULT_MAX_REQUEST_BYTES);
  }

}
