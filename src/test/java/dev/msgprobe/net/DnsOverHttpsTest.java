package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.msgprobe.model.DnsAnswer;
import dev.msgprobe.model.Failures;
import dev.msgprobe.testing.FakeDnsBehaviour;
import dev.msgprobe.testing.FakeDnsOverHttpsServer;
import dev.msgprobe.testing.FakeDnsPki;
import dev.msgprobe.testing.FakeDnsZone;
import dev.msgprobe.testing.LoopbackServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

@Timeout(10)
class DnsOverHttpsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10); // generous: only silentServer_isGenericTimeout waits for a timeout, with its own
  private static final FakeDnsPki PKI = FakeDnsPki.create();
  private static final FakeDnsZone ZONE = new FakeDnsZone()
      .answer("web.example", "192.0.2.1", "2001:db8::1")
      .on("gone.example", FakeDnsBehaviour.nxdomain());
  /** One server per test: a held-back reply or a recorded request never reaches the next test. */
  private FakeDnsOverHttpsServer server;
  private static Trust trust;

  private final AtomicLong ticks = new AtomicLong();
  private final DoubleSupplier clock = () -> ticks.incrementAndGet();

  @BeforeAll
  static void trustTheFakePki(@TempDir Path dir) throws IOException {
    trust = Trust.load(PKI.writeCaFile(dir));
  }

  @BeforeEach
  void start() throws IOException {
    server = FakeDnsOverHttpsServer.start(ZONE, PKI);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answeredName_overHttpsByIp() throws Exception {
    DnsOverHttps doh = new DnsOverHttps(server.url(), Map.of(), trust, TIMEOUT);

    DnsExchange exchange = doh.exchange("web.example", DnsQueryType.A, clock);

    assertThat(exchange.failure()).isNull();
    assertThat(exchange.engine()).isEqualTo("doh");
    assertThat(exchange.resolverAddress()).isEqualTo(server.url());
    assertThat(exchange.rcode()).isEqualTo(Rcode.NOERROR);
    assertThat(exchange.answers()).containsExactly(DnsAnswer.a("192.0.2.1", 60));
    assertThat(exchange.t()).isGreaterThan(exchange.t0());
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/dns-message");
    assertThat(new Message(request.getBody().toByteArray()).getHeader().getID()).isZero();
  }

  @Test
  void nxdomain_isDnsNxdomainError() {
    DnsOverHttps doh = new DnsOverHttps(server.url(), Map.of(), trust, TIMEOUT);

    DnsExchange exchange = doh.exchange("gone.example", DnsQueryType.A, clock);

    assertThat(exchange.failure()).isEqualTo(Failures.DNS_NXDOMAIN);
    assertThat(exchange.rcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(exchange.rawResponse()).isNotEmpty();
  }

  @Test
  void urlHostIsAName_isReachedThroughTheBootstrapAddressOnly() throws Exception {
    String url = "https://" + FakeDnsPki.DOH_NAME + ":" + server.port() + "/dns-query";
    DnsOverHttps doh = new DnsOverHttps(url,
        Map.of(FakeDnsPki.DOH_NAME, List.of(InetAddress.getByName("127.0.0.1"))), trust, TIMEOUT);

    assertThat(doh.exchange("web.example", DnsQueryType.AAAA, clock).addresses()).containsExactly("2001:db8::1");
  }

  @Test
  void urlHostIsANameWithoutBootstrap_isRejected() {
    assertThatThrownBy(() -> new DnsOverHttps("https://doh.elsewhere.test/dns-query", Map.of(), trust, TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void serverCaNotTrusted_isUnknownAuthority() {
    DnsOverHttps doh = new DnsOverHttps(server.url(), Map.of(), Trust.jdkDefault(), TIMEOUT);

    assertThat(doh.exchange("web.example", DnsQueryType.A, clock).failure()).isEqualTo(Failures.SSL_UNKNOWN_AUTHORITY);
  }

  @Test
  void serverDown_isConnectionRefused() throws IOException {
    int port = LoopbackServer.closedPort();
    DnsOverHttps doh = new DnsOverHttps("https://127.0.0.1:" + port + "/dns-query", Map.of(), trust, TIMEOUT);

    DnsExchange exchange = doh.exchange("web.example", DnsQueryType.A, clock);

    assertThat(exchange.failure()).isEqualTo(Failures.CONNECTION_REFUSED);
    assertThat(exchange.rcode()).isNull();
  }

  @Test
  void httpErrorStatus_isServerMisbehaving() throws IOException {
    assertThat(exchangeWith(new MockResponse.Builder().code(500).build()).failure())
        .isEqualTo(Failures.DNS_SERVER_MISBEHAVING);
  }

  @Test
  void replyThatIsNotADnsMessage_isServerMisbehaving() throws IOException {
    assertThat(exchangeWith(new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<p>").build())
        .failure()).isEqualTo(Failures.DNS_SERVER_MISBEHAVING);
  }

  @Test
  void silentServer_isGenericTimeout() {
    ZONE.on("slow.example", FakeDnsBehaviour.silence());
    DnsOverHttps doh = new DnsOverHttps(server.url(), Map.of(), trust, Duration.ofMillis(300));

    assertThat(doh.exchange("slow.example", DnsQueryType.A, clock).failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
  }

  private DnsExchange exchangeWith(MockResponse response) throws IOException {
    try (MockWebServer web = new MockWebServer()) {
      web.useHttps(PKI.serverSocketFactory());
      web.enqueue(response);
      web.start(InetAddress.getByName("127.0.0.1"), 0);
      String url = "https://127.0.0.1:" + web.getPort() + "/dns-query";
      return new DnsOverHttps(url, Map.of(), trust, TIMEOUT).exchange("web.example", DnsQueryType.A, clock);
    }
  }
}
