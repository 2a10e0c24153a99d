package dev.msgprobe.analysis;

import static dev.msgprobe.analysis.Obs.obs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per verdict of the verdict vocabulary (docs/contract/report.md#method) and per tricky case: canned observations in, status,
 * method, confidence and sni_filtering out. Evidence wording is checked in {@link ClassifierEvidenceTest}.
 */
class ClassifierVocabularyTest {
  static final String HOST = "web.whatsapp.com";
  static final String IP = "157.240.1.53";
  static final String ADDR = IP + ":443";
  static final String URL = "https://web.whatsapp.com/";
  static final Endpoint WEB = Endpoints.of(URL);
  static final NetworkContext NORMAL = NetworkContext.UNKNOWN;

  record Row(Endpoint endpoint, TestKeys keys, NetworkContext ctx, Status status, Method method, Confidence confidence,
      Boolean sni) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void verdictMatchesTheRow(Row row) {
    Verdict v = new Classifier().classify(row.endpoint(), row.keys(), row.ctx());

    assertVerdict(v, row.status(), row.method(), row.confidence(), row.sni());
  }

  /** Status, method, confidence, sni_filtering and the layer that goes with the method; some evidence. */
  static void assertVerdict(Verdict v, Status status, Method method, Confidence confidence, Boolean sni) {
    assertThat(v.status()).as("status; evidence %s", v.evidence()).isEqualTo(status);
    assertThat(v.method()).as("method; evidence %s", v.evidence()).isEqualTo(method);
    assertThat(v.confidence()).as("confidence; evidence %s", v.evidence()).isEqualTo(confidence);
    assertThat(v.sniFiltering()).as("sni_filtering").isEqualTo(sni);
    assertThat(v.layer()).isEqualTo(status == Status.REACHABLE ? null : v.method().layer());
    assertThat(v.evidence()).isNotEmpty();
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row("everything works → reachable, high", WEB, dnsOk().then(pathOk()),
            Status.REACHABLE, Method.OK, Confidence.HIGH),
        row("system NXDOMAIN while DoH answers → dns.nxdomain, high", WEB,
            obs().systemFails(HOST, Failures.DNS_NXDOMAIN).tcpDnsFails(HOST, Failures.DNS_NXDOMAIN).doh(HOST, IP),
            Status.BLOCKED, Method.DNS_NXDOMAIN, Confidence.HIGH),
        row("NXDOMAIN on UDP only while TCP answers → dns.injection, high", WEB,
            obs().systemFails(HOST, Failures.DNS_NXDOMAIN).tcpDns(HOST, IP).doh(HOST, IP),
            Status.BLOCKED, Method.DNS_INJECTION, Confidence.HIGH),
        row("NXDOMAIN first, then a late reply with the address → dns.injection", WEB,
            obs().systemFails(HOST, Failures.DNS_NXDOMAIN).late(HOST, IP).doh(HOST, IP),
            Status.BLOCKED, Method.DNS_INJECTION, Confidence.HIGH),
        row("NXDOMAIN on DoH too → down", WEB,
            obs().systemFails(HOST, Failures.DNS_NXDOMAIN).dohFails(HOST, Failures.DNS_NXDOMAIN),
            Status.DOWN, Method.DNS_NXDOMAIN, Confidence.HIGH),
        row("the name does not exist for DoH while the resolver under test answers many unreachable addresses → down",
            WEB, obs().system(HOST, "5.6.7.8", "5.6.7.9", "5.6.7.10").dohFails(HOST, Failures.DNS_NXDOMAIN)
                .connect("5.6.7.8", 443, Failures.GENERIC_TIMEOUT, 10000)
                .connect("5.6.7.9", 443, Failures.GENERIC_TIMEOUT, 10000),
            Status.DOWN, Method.DNS_NXDOMAIN, Confidence.HIGH),
        row("the name does not exist for DoH while the resolver under test gives a bogon → down", WEB,
            obs().system(HOST, "10.10.34.35").dohFails(HOST, Failures.DNS_NXDOMAIN),
            Status.DOWN, Method.DNS_NXDOMAIN, Confidence.HIGH),
        row("NXDOMAIN with DoH disabled → dns.nxdomain, low", WEB,
            obs().systemFails(HOST, Failures.DNS_NXDOMAIN),
            Status.BLOCKED, Method.DNS_NXDOMAIN, Confidence.LOW),
        row("NOERROR without address while DoH answers → dns.no_answer", WEB,
            obs().system(HOST).doh(HOST, IP),
            Status.BLOCKED, Method.DNS_NO_ANSWER, Confidence.HIGH),
        row("bogon answer while DoH answers → dns.bogon, high", WEB,
            obs().system(HOST, "10.10.34.35").doh(HOST, IP).then(pathOk(Tags.TRUSTED_ADDRESS)),
            Status.BLOCKED, Method.DNS_BOGON, Confidence.HIGH),
        row("bogon answer that DoH gives too → down", WEB,
            obs().system(HOST, "127.0.0.1").doh(HOST, "127.0.0.1"),
            Status.DOWN, Method.DNS_BOGON, Confidence.HIGH),
        row("bogon answer with DoH disabled → dns.bogon, medium", WEB,
            obs().system(HOST, "0.0.0.0"),
            Status.BLOCKED, Method.DNS_BOGON, Confidence.MEDIUM),
        row("known stub address → dns.sinkhole, high", WEB,
            obs().system(HOST, "95.167.13.50").doh(HOST, IP),
            Status.BLOCKED, Method.DNS_SINKHOLE, Confidence.HIGH),
        row("late reply with other addresses and a failing path → dns.injection", WEB,
            obs().system(HOST, "5.6.7.8").late(HOST, IP).doh(HOST, IP)
                .connect("5.6.7.8", 443, Failures.GENERIC_TIMEOUT, 10000)
                .connect("5.6.7.8", 443, Failures.GENERIC_TIMEOUT, 10000, Tags.RETRY),
            Status.BLOCKED, Method.DNS_INJECTION, Confidence.HIGH),
        row("UDP answer differing from TCP on a tcp endpoint → dns.injection even though it connects",
            Endpoints.of("tcp://e1.whatsapp.net:5222"),
            obs().system("e1.whatsapp.net", "5.6.7.8").tcpDns("e1.whatsapp.net", "31.13.72.52")
                .doh("e1.whatsapp.net", "31.13.72.52").connect("5.6.7.8", 5222, null, 20),
            Status.BLOCKED, Method.DNS_INJECTION, Confidence.HIGH),
        row("system address not in DoH failing validation → dns.inconsistent", WEB,
            obs().system(HOST, "5.6.7.8").doh(HOST, IP)
                .tls("5.6.7.8:443", HOST, Failures.SSL_UNKNOWN_AUTHORITY, 40, Tags.VALIDATE)
                .connect("5.6.7.8", 443, null, 20)
                .tls("5.6.7.8:443", HOST, Failures.SSL_UNKNOWN_AUTHORITY, 40),
            Status.BLOCKED, Method.DNS_INCONSISTENT, Confidence.HIGH),
        row("CDN giving other but valid addresses → reachable, not dns.inconsistent", WEB,
            obs().system(HOST, "5.6.7.8").doh(HOST, IP).tls("5.6.7.8:443", HOST, null, 40, Tags.VALIDATE)
                .connect("5.6.7.8", 443, null, 20).tls("5.6.7.8:443", HOST, null, 40)
                .http("5.6.7.8:443", "GET", URL, 200, null, "<html>"),
            Status.REACHABLE, Method.OK, Confidence.HIGH),
        row("SERVFAIL while DoH answers → dns.failure, medium", WEB,
            obs().systemFails(HOST, Failures.DNS_SERVFAIL).doh(HOST, IP),
            Status.BLOCKED, Method.DNS_FAILURE, Confidence.MEDIUM),
        row("UDP timeout while TCP to the same resolver answers → dns.failure", WEB,
            obs().systemFails(HOST, Failures.GENERIC_TIMEOUT).tcpDns(HOST, IP),
            Status.BLOCKED, Method.DNS_FAILURE, Confidence.MEDIUM),
        row("system timeout with DoH failing too → inconclusive, never blocked", WEB,
            obs().systemFails(HOST, Failures.GENERIC_TIMEOUT).dohFails(HOST, Failures.CONNECTION_RESET),
            Status.INCONCLUSIVE, Method.DNS_FAILURE, Confidence.LOW),
        row("DoH failure alone while everything else works → reachable", WEB,
            obs().system(HOST, IP).dohFails(HOST, Failures.CONNECTION_RESET).then(pathOk()),
            Status.REACHABLE, Method.OK, Confidence.HIGH),
        row("dns endpoint answered as DoH does → reachable", Endpoints.of("dns://whatsapp.com"),
            obs().system("whatsapp.com", IP).doh("whatsapp.com", IP),
            Status.REACHABLE, Method.OK, Confidence.HIGH),
        row("dns endpoint with DoH disabled → reachable, medium", Endpoints.of("dns://whatsapp.com"),
            obs().system("whatsapp.com", IP),
            Status.REACHABLE, Method.OK, Confidence.MEDIUM),
        row("connect timeout on both attempts → tcp.timeout, medium", WEB,
            dnsOk().connect(IP, 443, Failures.GENERIC_TIMEOUT, 10000)
                .connect(IP, 443, Failures.GENERIC_TIMEOUT, 10000, Tags.RETRY),
            Status.BLOCKED, Method.TCP_TIMEOUT, Confidence.MEDIUM),
        row("connect timeout while the same address answers on 443 → tcp.timeout, high",
            Endpoints.of("tcp://e1.whatsapp.net:5222"),
            obs().system("e1.whatsapp.net", "5.6.7.8").doh("e1.whatsapp.net", "31.13.72.52")
                .tls("5.6.7.8:443", "e1.whatsapp.net", null, 40, Tags.VALIDATE)
                .connect("5.6.7.8", 5222, Failures.GENERIC_TIMEOUT, 10000)
                .connect("5.6.7.8", 5222, Failures.GENERIC_TIMEOUT, 10000, Tags.RETRY),
            Status.BLOCKED, Method.TCP_TIMEOUT, Confidence.HIGH),
        row("connect refused, no control vantage → inconclusive tcp.refused (nothing listening looks the same)", WEB,
            dnsOk().connect(IP, 443, Failures.CONNECTION_REFUSED, 30)
                .connect(IP, 443, Failures.CONNECTION_REFUSED, 30, Tags.RETRY),
            Status.INCONCLUSIVE, Method.TCP_REFUSED, Confidence.LOW),
        row("connect refused, the control vantage connects → blocked tcp.refused, high", WEB,
            dnsOk().connect(IP, 443, Failures.CONNECTION_REFUSED, 30)
                .connect(IP, 443, Failures.CONNECTION_REFUSED, 30, Tags.RETRY)
                .connect(IP, 443, null, 40, Tags.CONTROL),
            Status.BLOCKED, Method.TCP_REFUSED, Confidence.HIGH),
        row("connect refused, the control vantage refused too → down", WEB,
            dnsOk().connect(IP, 443, Failures.CONNECTION_REFUSED, 30)
                .connect(IP, 443, Failures.CONNECTION_REFUSED, 30, Tags.RETRY)
                .connect(IP, 443, Failures.CONNECTION_REFUSED, 40, Tags.CONTROL),
            Status.DOWN, Method.TCP_REFUSED, Confidence.HIGH),
        row("connect reset → tcp.reset", WEB,
            dnsOk().connect(IP, 443, Failures.CONNECTION_RESET, 30),
            Status.BLOCKED, Method.TCP_RESET, Confidence.MEDIUM),
        row("network unreachable from this machine → inconclusive", WEB,
            dnsOk().connect(IP, 443, Failures.NETWORK_UNREACHABLE, 1),
            Status.INCONCLUSIVE, Method.TCP_RESET, Confidence.LOW),
        row("connect failed, then worked on retry → reachable, medium (flaky)", WEB,
            dnsOk().connect(IP, 443, Failures.GENERIC_TIMEOUT, 10000).connect(IP, 443, null, 25, Tags.RETRY)
                .tls(ADDR, HOST, null, 40).http(ADDR, "GET", URL, 200, null, "ok"),
            Status.REACHABLE, Method.OK, Confidence.MEDIUM),
        rowSni("ClientHello reset while the decoy SNI completes → tls.reset, sni_filtering true, high", WEB,
            dnsOk().connect(IP, 443, null, 20).tls(ADDR, HOST, Failures.CONNECTION_RESET, 31)
                .tls(ADDR, HOST, Failures.CONNECTION_RESET, 30, Tags.RETRY)
                .tls(ADDR, "example.com", Failures.SSL_INVALID_HOSTNAME, 45, Tags.DECOY_SNI)
                .tls(ADDR, null, null, 44, Tags.NO_SNI),
            Status.BLOCKED, Method.TLS_RESET, Confidence.HIGH, true),
        rowSni("handshake timeout with the decoy failing too → tls.timeout, sni_filtering false", WEB,
            dnsOk().connect(IP, 443, null, 20).tls(ADDR, HOST, Failures.GENERIC_TIMEOUT, 10000)
                .tls(ADDR, "example.com", Failures.GENERIC_TIMEOUT, 10000, Tags.DECOY_SNI),
            Status.BLOCKED, Method.TLS_TIMEOUT, Confidence.MEDIUM, false),
        rowSni("EOF after ClientHello without a decoy test → tls.eof, sni_filtering null", WEB,
            dnsOk().connect(IP, 443, null, 20).tls(ADDR, HOST, Failures.EOF, 35),
            Status.BLOCKED, Method.TLS_EOF, Confidence.MEDIUM, null),
        row("handshake failed, then completed on retry → reachable, medium (flaky)", WEB,
            dnsOk().connect(IP, 443, null, 20).tls(ADDR, HOST, Failures.CONNECTION_RESET, 31)
                .tls(ADDR, HOST, null, 40, Tags.RETRY).http(ADDR, "GET", URL, 200, null, "ok"),
            Status.REACHABLE, Method.OK, Confidence.MEDIUM),
        row("certificate error on an address DoH does not give → tls.cert_invalid, high", WEB,
            obs().system(HOST, "5.6.7.8").doh(HOST, IP).connect("5.6.7.8", 443, null, 20)
                .tls("5.6.7.8:443", HOST, Failures.SSL_INVALID_HOSTNAME, 40),
            Status.BLOCKED, Method.TLS_CERT_INVALID, Confidence.HIGH),
        row("certificate error on the address DoH gives too → down", WEB,
            dnsOk().connect(IP, 443, null, 20).tls(ADDR, HOST, Failures.SSL_UNKNOWN_AUTHORITY, 40),
            Status.DOWN, Method.TLS_CERT_INVALID, Confidence.MEDIUM),
        rowSni("untrusted chain for the real SNI while a decoy SNI gets a trusted one → interception, blocked", WEB,
            dnsOk().connect(IP, 443, null, 20).tls(ADDR, HOST, Failures.SSL_UNKNOWN_AUTHORITY, 40)
                .tls(ADDR, "example.com", null, 38, Tags.DECOY_SNI),
            Status.BLOCKED, Method.TLS_CERT_INVALID, Confidence.HIGH, true),
        row("untrusted chain for every SNI, the decoy too → the server's own error, down", WEB,
            dnsOk().connect(IP, 443, null, 20).tls(ADDR, HOST, Failures.SSL_UNKNOWN_AUTHORITY, 40)
                .tls(ADDR, "example.com", Failures.SSL_UNKNOWN_AUTHORITY, 38, Tags.DECOY_SNI),
            Status.DOWN, Method.TLS_CERT_INVALID, Confidence.MEDIUM),
        row("certificate error with DoH disabled → inconclusive", WEB,
            obs().system(HOST, IP).connect(IP, 443, null, 20).tls(ADDR, HOST, Failures.SSL_UNKNOWN_AUTHORITY, 40),
            Status.INCONCLUSIVE, Method.TLS_CERT_INVALID, Confidence.LOW),
        row("certificate error seen by the control vantage too → down, high", WEB,
            obs().system(HOST, "5.6.7.8").doh(HOST, IP).connect("5.6.7.8", 443, null, 20)
                .tls("5.6.7.8:443", HOST, Failures.SSL_INVALID_HOSTNAME, 40)
                .tls(ADDR, HOST, Failures.SSL_INVALID_HOSTNAME, 40, Tags.CONTROL),
            Status.DOWN, Method.TLS_CERT_INVALID, Confidence.HIGH),
        row("redirect to a known block page → http.blockpage", Endpoints.of("http://web.whatsapp.com/"),
            dnsOk().connect(IP, 80, null, 20).http(IP + ":80", "GET", "http://web.whatsapp.com/", 302, null, "",
                "Location", "http://warning.rt.ru/?id=17&st=0&dt=web.whatsapp.com"),
            Status.BLOCKED, Method.HTTP_BLOCKPAGE, Confidence.HIGH),
        row("block page text in the body → http.blockpage", Endpoints.of("http://web.whatsapp.com/"),
            dnsOk().connect(IP, 80, null, 20).http(IP + ":80", "GET", "http://web.whatsapp.com/", 200, null,
                "<html><title>block-system</title></html>"),
            Status.BLOCKED, Method.HTTP_BLOCKPAGE, Confidence.HIGH),
        row("response served by a known stub address → http.blockpage", Endpoints.of("http://95.167.13.50/"),
            obs().connect("95.167.13.50", 80, null, 20)
                .http("95.167.13.50:80", "POST", "http://95.167.13.50/", 200, null, "anything"),
            Status.BLOCKED, Method.HTTP_BLOCKPAGE, Confidence.HIGH),
        row("request reset after the handshake → http.reset", WEB,
            handshakeOk()
                .http(ADDR, "GET", URL, 0, Failures.CONNECTION_RESET, "")
                .http(ADDR, "GET", URL, 0, Failures.CONNECTION_RESET, "", Tags.RETRY),
            Status.BLOCKED, Method.HTTP_RESET, Confidence.MEDIUM),
        row("request timeout after the handshake → http.timeout", WEB,
            handshakeOk()
                .http(ADDR, "GET", URL, 0, Failures.GENERIC_TIMEOUT, ""),
            Status.BLOCKED, Method.HTTP_TIMEOUT, Confidence.MEDIUM),
        row("page that stopped after 12 KiB of body, no reset or close → tcp.stall", WEB,
            handshakeOk()
                .http(ADDR, "GET", URL, 200, Failures.GENERIC_TIMEOUT, "x".repeat(12 * 1024))
                .http(ADDR, "GET", URL, 200, Failures.GENERIC_TIMEOUT, "x".repeat(12 * 1024), Tags.RETRY),
            Status.BLOCKED, Method.TCP_STALL, Confidence.MEDIUM),
        row("DC POST whose answer froze after 4 KiB, retry cut before any response → tcp.stall",
            Endpoints.of("http://149.154.175.50:443/"),
            obs().connect("149.154.175.50", 443, null, 20)
                .http("149.154.175.50:443", "POST", "http://149.154.175.50:443/", 200, Failures.GENERIC_TIMEOUT,
                    "y".repeat(4096))
                .http("149.154.175.50:443", "POST", "http://149.154.175.50:443/", 0, Failures.GENERIC_TIMEOUT, "",
                    Tags.RETRY),
            Status.BLOCKED, Method.TCP_STALL, Confidence.MEDIUM),
        row("page cut after a few bytes of body is no freeze → http.timeout", WEB,
            handshakeOk().http(ADDR, "GET", URL, 200, Failures.GENERIC_TIMEOUT, "short"),
            Status.BLOCKED, Method.HTTP_TIMEOUT, Confidence.MEDIUM),
        row("page reset after 12 KiB of body is a reset, not a stall → http.reset", WEB,
            handshakeOk().http(ADDR, "GET", URL, 200, Failures.CONNECTION_RESET, "x".repeat(12 * 1024)),
            Status.BLOCKED, Method.HTTP_RESET, Confidence.MEDIUM),
        row("page that stopped after 12 KiB but loaded on retry → flaky, reachable", WEB,
            handshakeOk()
                .http(ADDR, "GET", URL, 200, Failures.GENERIC_TIMEOUT, "x".repeat(12 * 1024))
                .http(ADDR, "GET", URL, 200, null, "x".repeat(20 * 1024), Tags.RETRY),
            Status.REACHABLE, Method.OK, Confidence.MEDIUM),
        row("request closed after the handshake → http.eof", WEB,
            handshakeOk().http(ADDR, "GET", URL, 0, Failures.EOF, ""),
            Status.BLOCKED, Method.HTTP_EOF, Confidence.MEDIUM),
        row("HTTP 400 still counts as reachable", WEB,
            handshakeOk().http(ADDR, "GET", URL, 400, null, "bad"),
            Status.REACHABLE, Method.OK, Confidence.HIGH),
        row("WebSocket answered without upgrading still counts as reachable",
            Endpoints.of("wss://web.whatsapp.com/ws/chat"),
            handshakeOk()
                .http(ADDR, "GET", "wss://web.whatsapp.com/ws/chat", 403, Failures.UNKNOWN, "forbidden"),
            Status.REACHABLE, Method.OK, Confidence.HIGH),
        row("request failing the same way at the control vantage → down", WEB,
            handshakeOk()
                .http(ADDR, "GET", URL, 0, Failures.GENERIC_TIMEOUT, "")
                .http(ADDR, "GET", URL, 0, Failures.TIMED_OUT, "", Tags.CONTROL),
            Status.DOWN, Method.HTTP_TIMEOUT, Confidence.HIGH),
        row("cleartext response unlike the control's → http.diff", Endpoints.of("http://web.whatsapp.com/"),
            dnsOk().connect(IP, 80, null, 20)
                .http(IP + ":80", "GET", "http://web.whatsapp.com/", 200, null, "<title>Access denied</title>x")
                .http(IP + ":80", "GET", "http://web.whatsapp.com/", 301, null, "", Tags.CONTROL),
            Status.BLOCKED, Method.HTTP_DIFF, Confidence.MEDIUM),
        row("cleartext response without control data is never http.diff", Endpoints.of("http://web.whatsapp.com/"),
            dnsOk().connect(IP, 80, null, 20)
                .http(IP + ":80", "GET", "http://web.whatsapp.com/", 200, null, "<title>Access denied</title>"),
            Status.REACHABLE, Method.OK, Confidence.HIGH),
        row("transfer freezing after 16 KiB with the host alive → tcp.stall, high", WEB,
            dnsOk().then(pathOk()).transfer(ADDR, 262144, 16384, 30, 4.4, true, Failures.GENERIC_TIMEOUT),
            Status.BLOCKED, Method.TCP_STALL, Confidence.HIGH),
        row("transfer stalling after 200 KiB is not the freeze → reachable", WEB,
            dnsOk().then(pathOk()).transfer(ADDR, 262144, 204800, 30, 54.6, true, Failures.GENERIC_TIMEOUT),
            Status.REACHABLE, Method.OK, Confidence.HIGH),
        row("goodput under 20% of the controls' baseline → tcp.throttle, medium", WEB,
            dnsOk().then(pathOk()).transfer(ADDR, 262144, 262144, 15.0, 140, false, null),
            new NetworkContext(true, true, 8000.0), Status.THROTTLED, Method.TCP_THROTTLE, Confidence.MEDIUM),
        row("goodput near the baseline → reachable", WEB,
            dnsOk().then(pathOk()).transfer(ADDR, 262144, 262144, 0.5, 4200, false, null),
            new NetworkContext(true, true, 8000.0), Status.REACHABLE, Method.OK, Confidence.HIGH),
        row("goodput under 200 kbit/s without a baseline → tcp.throttle, low", WEB,
            dnsOk().then(pathOk()).transfer(ADDR, 262144, 131072, 8.0, 131, false, Failures.GENERIC_TIMEOUT),
            Status.THROTTLED, Method.TCP_THROTTLE, Confidence.LOW),
        row("small page, then an upload freezing after 16 KiB → tcp.stall, high", WEB,
            dnsOk().then(pathOk()).transfer(ADDR, 131072, 2048, 0.01, 1600, false, null)
                .upload(ADDR, 131072, 12288, 0.2, 480, true, Failures.GENERIC_TIMEOUT),
            Status.BLOCKED, Method.TCP_STALL, Confidence.HIGH),
        row("upload goodput under 20% of the controls' upload baseline → tcp.throttle, medium", WEB,
            dnsOk().then(pathOk()).transfer(ADDR, 131072, 2048, 0.01, 1600, false, null)
                .upload(ADDR, 131072, 114688, 6.0, 150, false, null),
            new NetworkContext(true, true, 50000.0, 4000.0), Status.THROTTLED, Method.TCP_THROTTLE, Confidence.MEDIUM),
        row("upload slower than the controls' downloads but near their uploads → reachable", WEB,
            dnsOk().then(pathOk()).upload(ADDR, 131072, 114688, 0.5, 1800, false, null),
            new NetworkContext(true, true, 50000.0, 4000.0), Status.REACHABLE, Method.OK, Confidence.HIGH),
        row("upload with only a download baseline → judged on the absolute figure, never against downloads", WEB,
            dnsOk().then(pathOk()).upload(ADDR, 131072, 114688, 0.5, 1800, false, null),
            new NetworkContext(true, true, 50000.0), Status.REACHABLE, Method.OK, Confidence.HIGH),
        row("offline: a failure is inconclusive, keeping the failure seen", WEB,
            dnsOk().connect(IP, 443, Failures.GENERIC_TIMEOUT, 10000),
            new NetworkContext(false, false, null), Status.INCONCLUSIVE, Method.TCP_TIMEOUT, Confidence.LOW),
        row("offline: an endpoint that worked anyway stays reachable, medium", WEB, dnsOk().then(pathOk()),
            new NetworkContext(false, false, null), Status.REACHABLE, Method.OK, Confidence.MEDIUM),
        row("allowlist: a DNS timeout with DoH unreachable is blocked", WEB,
            obs().systemFails(HOST, Failures.GENERIC_TIMEOUT).dohFails(HOST, Failures.GENERIC_TIMEOUT),
            new NetworkContext(true, false, null), Status.BLOCKED, Method.DNS_FAILURE, Confidence.MEDIUM),
        row("allowlist: a connect timeout stays blocked", WEB,
            dnsOk().connect(IP, 443, Failures.GENERIC_TIMEOUT, 10000),
            new NetworkContext(true, false, null), Status.BLOCKED, Method.TCP_TIMEOUT, Confidence.MEDIUM),
        row("allowlist: a failure the control vantage saw too stays down", WEB,
            dnsOk().connect(IP, 443, Failures.GENERIC_TIMEOUT, 10000)
                .connect(IP, 443, Failures.GENERIC_TIMEOUT, 10000, Tags.CONTROL),
            new NetworkContext(true, false, null), Status.DOWN, Method.TCP_TIMEOUT, Confidence.HIGH),
        row("allowlist: a server's own certificate error stays down", WEB,
            dnsOk().connect(IP, 443, null, 20).tls(ADDR, HOST, Failures.SSL_UNKNOWN_AUTHORITY, 40),
            new NetworkContext(true, false, null), Status.DOWN, Method.TLS_CERT_INVALID, Confidence.MEDIUM),
        row("interrupted measurement → inconclusive", WEB,
            dnsOk().connect(IP, 443, Failures.INTERRUPTED, 5),
            Status.INCONCLUSIVE, Method.OK, Confidence.LOW),
        row("IP-literal Telegram DC answering POST with 404 → reachable", Endpoints.of("http://149.154.175.50:443/"),
            obs().connect("149.154.175.50", 443, null, 40)
                .http("149.154.175.50:443", "POST", "http://149.154.175.50:443/", 404, null, "not found"),
            Status.REACHABLE, Method.OK, Confidence.HIGH));
  }

  static Obs dnsOk() {
    return obs().system(HOST, IP).tcpDns(HOST, IP).doh(HOST, IP);
  }

  /** DNS, TCP and TLS worked; the HTTP step is the row's. */
  static Obs handshakeOk() {
    return dnsOk().connect(IP, 443, null, 20).tls(ADDR, HOST, null, 40);
  }

  /** The rest of a working https path (tags e.g. trusted-address). */
  static UnaryOperator<Obs> pathOk(String... tags) {
    return o -> o.connect(IP, 443, null, 20, tags).tls(ADDR, HOST, null, 40, tags)
        .http(ADDR, "GET", URL, 200, null, "<html>", tags);
  }

  private static Arguments row(String name, Endpoint e, Obs o, Status s, Method m, Confidence c) {
    return row(name, e, o, NORMAL, s, m, c);
  }

  private static Arguments row(String name, Endpoint e, Obs o, NetworkContext ctx, Status s, Method m, Confidence c) {
    return Arguments.of(Named.of(name, new Row(e, o.keys(), ctx, s, m, c, null)));
  }

  private static Arguments rowSni(String name, Endpoint e, Obs o, Status s, Method m, Confidence c, Boolean sni) {
    return Arguments.of(Named.of(name, new Row(e, o.keys(), NORMAL, s, m, c, sni)));
  }
}
