package dev.msgprobe.measure;

import static dev.msgprobe.testing.FakeDnsBehaviour.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.msgprobe.model.DnsAnswer;
import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TransferMode;
import dev.msgprobe.net.DnsOverHttps;
import dev.msgprobe.net.DnsTcpTransport;
import dev.msgprobe.net.DnsUdpTransport;
import dev.msgprobe.net.Trust;
import dev.msgprobe.testing.FakeDnsBehaviour;
import dev.msgprobe.testing.FakeDnsOverHttpsServer;
import dev.msgprobe.testing.FakeDnsPki;
import dev.msgprobe.testing.FakeDnsServer;
import dev.msgprobe.testing.FakeDnsZone;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

@Timeout(10)
class DnsStepTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final Duration GRACE = Duration.ofMillis(300);
  private static final String REAL = "157.240.1.53";
  private static final String STUB = "95.167.13.50";

  /** What the resolver under test says. */
  private static final FakeDnsZone ISP = new FakeDnsZone()
      .answer("web.example", REAL, "2a03:2880:f10c:83:face:b00c:0:25de")
      .on("gone.example", FakeDnsBehaviour.nxdomain())
      .answer("stub.example", STUB)
      .answer("private.example", "10.10.34.34")
      .on("injected.example", FakeDnsZone.Transport.UDP,
          FakeDnsBehaviour.race(FakeDnsBehaviour.nxdomain(), Duration.ofMillis(80), answer(REAL)))
      .on("injected.example", FakeDnsZone.Transport.TCP, answer(REAL))
      .answer("whoami.echo.test", "193.232.230.48")
      .on("silent.example", FakeDnsBehaviour.silence());
  /** What the trusted resolvers say. */
  private static final FakeDnsZone TRUTH = new FakeDnsZone()
      .answer("web.example", REAL, "2a03:2880:f10c:83:face:b00c:0:25de")
      .answer("gone.example", REAL)
      .answer("stub.example", REAL)
      .answer("private.example", REAL)
      .answer("injected.example", REAL);
  private static final FakeDnsPki PKI = FakeDnsPki.create();

  private static FakeDnsServer resolver;
  private static FakeDnsOverHttpsServer doh;
  private static Trust trust;
  private static String downDohUrl;

  @BeforeAll
  static void start(@TempDir Path dir) throws IOException {
    resolver = FakeDnsServer.start(ISP);
    doh = FakeDnsOverHttpsServer.start(TRUTH, PKI);
    try (FakeDnsOverHttpsServer gone = FakeDnsOverHttpsServer.start(TRUTH, PKI)) {
      downDohUrl = gone.url();
    }
    trust = Trust.load(PKI.writeCaFile(dir));
  }

  @AfterAll
  static void stop() {
    resolver.close();
    doh.close();
  }

  @Test
  void normalHost_recordsSystemThenTcpThenEachDohInOrder() throws IOException {
    Trace trace = new Trace();

    Resolution resolution = step(false, doh.url(), downDohUrl).resolve("web.example", trace);

    TestKeys keys = trace.toTestKeys();
    String resolverAddress = "127.0.0.1:" + resolver.address().getPort();
    assertThat(keys.queries())
        .extracting(DnsQuery::tags, DnsQuery::engine, DnsQuery::resolverAddress, DnsQuery::failure)
        .containsExactly(
            tuple(List.of("system"), "udp", resolverAddress, null),
            tuple(List.of("tcp-dns"), "tcp", resolverAddress, null),
            tuple(List.of("doh"), "doh", doh.url(), null),
            tuple(List.of("doh"), "doh", downDohUrl, Failures.CONNECTION_REFUSED));
    DnsQuery system = keys.queries().get(0);
    assertThat(system.hostname()).isEqualTo("web.example");
    assertThat(system.queryType()).isEqualTo("A");
    assertThat(system.rcode()).isEqualTo(Rcode.NOERROR);
    assertThat(system.answers()).containsExactly(DnsAnswer.a(REAL, 60));
    assertThat(new Message(system.rawResponse().bytes()).getHeader().getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(system.t()).isGreaterThanOrEqualTo(system.t0());
    assertThat(keys.queries()).extracting(DnsQuery::transactionId).doesNotHaveDuplicates();
    DnsQuery down = keys.queries().get(3);
    assertThat(down.answers()).isNull();
    assertThat(down.rawResponse()).isNull();
    assertThat(down.rcode()).isNull();

    assertThat(resolution.systemAddresses()).containsExactly(REAL);
    assertThat(resolution.usableSystemAddresses()).containsExactly(REAL);
    assertThat(resolution.trustedAddresses()).containsExactly(REAL);
    assertThat(resolution.unconfirmedSystemAddresses()).isEmpty();
  }

  @Test
  void everyExchange_hasResolveStartAndDoneEvents() {
    Trace trace = new Trace();

    step(false, doh.url()).resolve("web.example", trace);

    TestKeys keys = trace.toTestKeys();
    assertThat(keys.networkEvents())
        .extracting(NetworkEvent::operation, NetworkEvent::proto, NetworkEvent::tags)
        .containsExactly(
            tuple("resolve_start", "udp", List.of("system")), tuple("resolve_done", "udp", List.of("system")),
            tuple("resolve_start", "tcp", List.of("tcp-dns")), tuple("resolve_done", "tcp", List.of("tcp-dns")),
            tuple("resolve_start", "doh", List.of("doh")), tuple("resolve_done", "doh", List.of("doh")));
    for (int i = 0; i < keys.queries().size(); i++) {
      DnsQuery query = keys.queries().get(i);
      NetworkEvent done = keys.networkEvents().get(2 * i + 1);
      assertThat(done.transactionId()).isEqualTo(query.transactionId());
      assertThat(done.t()).isEqualTo(query.t());
      assertThat(done.address()).isEqualTo(query.resolverAddress());
    }
  }

  @Test
  void nxdomainHost_hasNoSystemAddress_butTrustedOnes() {
    Trace trace = new Trace();

    Resolution resolution = step(false, doh.url()).resolve("gone.example", trace);

    assertThat(trace.toTestKeys().queries())
        .extracting(DnsQuery::tags, DnsQuery::failure, DnsQuery::rcode, DnsQuery::answers)
        .containsExactly(
            tuple(List.of("system"), Failures.DNS_NXDOMAIN, Rcode.NXDOMAIN, null),
            tuple(List.of("tcp-dns"), Failures.DNS_NXDOMAIN, Rcode.NXDOMAIN, null),
            tuple(List.of("doh"), null, Rcode.NOERROR, List.of(DnsAnswer.a(REAL, 60))));
    assertThat(resolution.systemAddresses()).isEmpty();
    assertThat(resolution.trustedAddresses()).containsExactly(REAL);
  }

  @Test
  void sinkholedHost_stubAddressIsUsableButUnconfirmed() {
    Resolution resolution = step(false, doh.url()).resolve("stub.example", new Trace());

    assertThat(resolution.systemAddresses()).containsExactly(STUB);
    assertThat(resolution.usableSystemAddresses()).containsExactly(STUB);
    assertThat(resolution.trustedAddresses()).containsExactly(REAL);
    assertThat(resolution.unconfirmedSystemAddresses()).containsExactly(STUB);
  }

  @Test
  void bogonAnswer_isRecordedButNotUsable() {
    Trace trace = new Trace();

    Resolution resolution = step(false, doh.url()).resolve("private.example", trace);

    assertThat(trace.toTestKeys().queries().get(0).addresses()).containsExactly("10.10.34.34");
    assertThat(resolution.systemAddresses()).containsExactly("10.10.34.34");
    assertThat(resolution.usableSystemAddresses()).isEmpty();
  }

  @Test
  void injectedHost_forgedFirstReplyIsSystem_realOneIsLateInTheSameTransaction() {
    Trace trace = new Trace();

    Resolution resolution = step(false, doh.url()).resolve("injected.example", trace);

    List<DnsQuery> queries = trace.toTestKeys().queries();
    assertThat(queries)
        .extracting(DnsQuery::tags, DnsQuery::failure, DnsQuery::addresses)
        .containsExactly(
            tuple(List.of("system"), Failures.DNS_NXDOMAIN, List.of()),
            tuple(List.of("system", "late"), null, List.of(REAL)),
            tuple(List.of("tcp-dns"), null, List.of(REAL)),
            tuple(List.of("doh"), null, List.of(REAL)));
    assertThat(queries.get(1).transactionId()).isEqualTo(queries.get(0).transactionId());
    assertThat(queries.get(1).t()).isGreaterThan(queries.get(0).t());
    assertThat(resolution.systemAddresses()).isEmpty();
    assertThat(resolution.trustedAddresses()).containsExactly(REAL);
  }

  @Test
  void withAaaa_eachEngineAsksAThenAaaa() {
    Trace trace = new Trace();

    Resolution resolution = step(true, doh.url()).resolve("web.example", trace);

    assertThat(trace.toTestKeys().queries())
        .extracting(DnsQuery::tags, DnsQuery::queryType)
        .containsExactly(
            tuple(List.of("system"), "A"), tuple(List.of("system"), "AAAA"),
            tuple(List.of("tcp-dns"), "A"), tuple(List.of("tcp-dns"), "AAAA"),
            tuple(List.of("doh"), "A"), tuple(List.of("doh"), "AAAA"));
    assertThat(resolution.systemAddresses()).containsExactly(REAL, "2a03:2880:f10c:83:face:b00c:0:25de");
  }

  @Test
  void ipLiteralHost_isNotQueried() {
    Trace trace = new Trace();

    Resolution resolution = step(false, doh.url()).resolve("127.0.0.1", trace);

    assertThat(trace.toTestKeys().queries()).isEmpty();
    assertThat(resolution.systemAddresses()).containsExactly("127.0.0.1");
    assertThat(resolution.usableSystemAddresses()).isEmpty();
  }

  @Test
  void resolverEcho_fromTheRunConfiguration_isTaggedAndOnlyWhenConfigured() {
    Trace trace = new Trace();
    MeasureConfig config = new MeasureConfig(resolver.address(), List.of(doh.url()), null, "decoy.example",
        TIMEOUT, Duration.ZERO, 1024, 65_536, "whoami.echo.test", 3, TransferMode.MARKED);

    DnsQuery echo = new DnsStep(config, trust).resolverEcho(trace);

    assertThat(echo.tags()).containsExactly("resolver-echo");
    assertThat(echo.hostname()).isEqualTo("whoami.echo.test");
    assertThat(echo.addresses()).containsExactly("193.232.230.48");
    assertThat(trace.toTestKeys().queries()).containsExactly(echo);
    assertThat(step(false).resolverEcho(new Trace())).isNull();
  }

  @Test
  void interruptedCaller_getsWhatIsDoneAndKeepsItsInterruptFlag() {
    Trace trace = new Trace();
    Thread.currentThread().interrupt();
    try {
      Resolution resolution = step(false, doh.url()).resolve("silent.example", trace);

      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(resolution.systemAddresses()).isEmpty();
      assertThat(trace.toTestKeys().queries()).isEmpty();
    } finally {
      Thread.interrupted();
    }
  }

  private DnsStep step(boolean aaaa, String... dohUrls) {
    List<DnsOverHttps> trusted = List.of(dohUrls).stream()
        .map(url -> new DnsOverHttps(url, Map.of(), trust, TIMEOUT)).toList();
    return new DnsStep(new DnsUdpTransport(resolver.address(), TIMEOUT, GRACE),
        new DnsTcpTransport(resolver.address(), TIMEOUT), trusted, null, aaaa);
  }
}
