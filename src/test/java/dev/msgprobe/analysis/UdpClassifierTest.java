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
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per QUIC and STUN classification: canned observations and what the run's UDP controls
 * said in, status, method, confidence, sni_filtering and the sentence that says what is dropped out.
 */
class UdpClassifierTest {
  static final String HOST = "web.whatsapp.com";
  static final String IP = "157.240.1.53";
  static final String ADDR = IP + ":443";
  static final Endpoint QUIC = Endpoints.of("quic://" + HOST + ":443");
  static final String RELAY = "91.108.56.100:1400";
  static final Endpoint CALLS = Endpoints.of("stun://" + RELAY);

  /** TCP controls work; the STUN controls answer both sizes. */
  static final NetworkContext UDP_OK = new NetworkContext(true, true, null).withUdp(true, true);
  /** The STUN controls answer minimal requests only. */
  static final NetworkContext SMALL_UDP_ONLY = new NetworkContext(true, true, null).withUdp(true, false);
  static final NetworkContext UDP_FILTERED = new NetworkContext(true, true, null).withUdp(false, false);
  static final NetworkContext NO_UDP_CONTROLS = new NetworkContext(true, true, null);

  record Row(Endpoint endpoint, TestKeys keys, NetworkContext ctx, Status status, Method method, Confidence confidence,
      Boolean sni, String evidence) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void verdictMatchesTheRow(Row row) {
    Verdict v = new Classifier().classify(row.endpoint(), row.keys(), row.ctx());

    ClassifierVocabularyTest.assertVerdict(v, row.status(), row.method(), row.confidence(), row.sni());
    assertThat(String.join(" | ", v.evidence())).contains(row.evidence());
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row("QUIC handshake works → reachable, high", QUIC, dnsOk().quic(ADDR, HOST, null, 60), UDP_OK,
            Status.REACHABLE, Method.OK, Confidence.HIGH, null, "completed (ALPN h3)"),
        row("QUIC fails, its retry works → reachable, medium", QUIC,
            dnsOk().quic(ADDR, HOST, Failures.GENERIC_TIMEOUT, 6000).quic(ADDR, HOST, null, 60, Tags.RETRY), UDP_OK,
            Status.REACHABLE, Method.OK, Confidence.MEDIUM, null, "worked on its retry"),
        row("QUIC timeout, TCP+TLS works, decoy SNI answers → quic.timeout, sni filtering", QUIC,
            quicTimesOut().then(tcpTlsOk()).quic(ADDR, "example.com", Failures.SSL_INVALID_HOSTNAME, 50,
                Tags.DECOY_SNI), UDP_OK,
            Status.BLOCKED, Method.QUIC_TIMEOUT, Confidence.HIGH, true, "QUIC is dropped for this name"),
        row("QUIC timeout, TCP+TLS works, controls answer only small STUN → quic.timeout, large datagrams", QUIC,
            quicTimesOut().then(tcpTlsOk()).then(decoyTimesOut()), SMALL_UDP_ONLY,
            Status.BLOCKED, Method.QUIC_TIMEOUT, Confidence.HIGH, false, "large UDP datagrams"),
        row("QUIC timeout, TCP+TLS works, controls answer both sizes → quic.timeout, this address", QUIC,
            quicTimesOut().then(tcpTlsOk()).then(decoyTimesOut()), UDP_OK,
            Status.BLOCKED, Method.QUIC_TIMEOUT, Confidence.HIGH, false, "QUIC to this address is dropped"),
        row("QUIC timeout, TCP+TLS fails too → inconclusive", QUIC,
            quicTimesOut().connect(IP, 443, Failures.GENERIC_TIMEOUT, 6000, Tags.TCP_TLS).then(decoyTimesOut()),
            UDP_OK, Status.INCONCLUSIVE, Method.QUIC_TIMEOUT, Confidence.LOW, false, "everything to this host failed"),
        row("QUIC timeout while UDP is filtered on the network → inconclusive", QUIC,
            quicTimesOut().then(tcpTlsOk()).then(decoyTimesOut()), UDP_FILTERED,
            Status.INCONCLUSIVE, Method.QUIC_TIMEOUT, Confidence.LOW, false, "filtered on this network"),
        row("QUIC refused by ICMP while TCP+TLS works → down", QUIC,
            dnsOk().quic(ADDR, HOST, Failures.CONNECTION_REFUSED, 5).quic(ADDR, HOST, Failures.CONNECTION_REFUSED, 5,
                Tags.RETRY).then(tcpTlsOk()).quic(ADDR, "example.com", Failures.CONNECTION_REFUSED, 5, Tags.DECOY_SNI),
            UDP_OK, Status.DOWN, Method.QUIC_TIMEOUT, Confidence.MEDIUM, false, "may not serve HTTP/3"),
        row("QUIC refused by ICMP and TCP refused too → down, tcp.refused", QUIC,
            dnsOk().quic(ADDR, HOST, Failures.CONNECTION_REFUSED, 5).quic(ADDR, HOST, Failures.CONNECTION_REFUSED, 5,
                Tags.RETRY).connect(IP, 443, Failures.CONNECTION_REFUSED, 3, Tags.TCP_TLS),
            UDP_OK, Status.DOWN, Method.TCP_REFUSED, Confidence.MEDIUM, null, "nothing listens there"),
        row("QUIC presents a bad certificate the TCP path does not → tls.cert_invalid", QUIC,
            dnsOk().quic(ADDR, HOST, Failures.SSL_UNKNOWN_AUTHORITY, 50).quic(ADDR, HOST,
                Failures.SSL_UNKNOWN_AUTHORITY, 50, Tags.RETRY).then(tcpTlsOk()),
            UDP_OK, Status.BLOCKED, Method.TLS_CERT_INVALID, Confidence.MEDIUM, null, "does not validate"),
        row("DNS NXDOMAIN for a QUIC host while DoH answers → dns.nxdomain", QUIC,
            obs().systemFails(HOST, Failures.DNS_NXDOMAIN).tcpDnsFails(HOST, Failures.DNS_NXDOMAIN).doh(HOST, IP),
            UDP_OK, Status.BLOCKED, Method.DNS_NXDOMAIN, Confidence.HIGH, null, ""),
        row("relay answers both sizes → reachable, high", CALLS, obs().stun(RELAY, null, true), UDP_OK,
            Status.REACHABLE, Method.OK, Confidence.HIGH, null, "answered both"),
        row("relay answers only the minimal request → reachable, medium", CALLS, obs().stun(RELAY, null, false),
            UDP_OK, Status.REACHABLE, Method.OK, Confidence.MEDIUM, null, "large UDP datagrams are dropped"),
        row("relay silent while the UDP controls answer → udp.timeout, high", CALLS,
            obs().stun(RELAY, Failures.GENERIC_TIMEOUT, false), UDP_OK,
            Status.BLOCKED, Method.UDP_TIMEOUT, Confidence.HIGH, null, "the UDP controls"),
        row("relay silent while no UDP control answers → inconclusive", CALLS,
            obs().stun(RELAY, Failures.GENERIC_TIMEOUT, false), UDP_FILTERED,
            Status.INCONCLUSIVE, Method.UDP_TIMEOUT, Confidence.LOW, null, "filtered on this network"),
        row("relay silent and no UDP control measured → inconclusive", CALLS,
            obs().stun(RELAY, Failures.GENERIC_TIMEOUT, false), NO_UDP_CONTROLS,
            Status.INCONCLUSIVE, Method.UDP_TIMEOUT, Confidence.LOW, null, "no UDP control was measured"),
        row("relay refuses (ICMP port unreachable) → down", CALLS,
            obs().stun(RELAY, Failures.CONNECTION_REFUSED, false), UDP_OK,
            Status.DOWN, Method.UDP_TIMEOUT, Confidence.MEDIUM, null, "refused"),
        row("relay answers garbage only while the controls answer → udp.timeout", CALLS,
            obs().stun(RELAY, Failures.UNKNOWN + ": malformed STUN reply", false), UDP_OK,
            Status.BLOCKED, Method.UDP_TIMEOUT, Confidence.HIGH, null, "did not answer the Binding Request properly"),
        row("every control failed: a silent relay is inconclusive", CALLS,
            obs().stun(RELAY, Failures.GENERIC_TIMEOUT, false), new NetworkContext(false, false, null).withUdp(false,
                false), Status.INCONCLUSIVE, Method.UDP_TIMEOUT, Confidence.LOW, null, "every control failed"));
  }

  @Test
  void udpMode_isFilteredOnlyWhenStunControlsWereMeasuredAndAllStayedSilent() {
    assertThat(UDP_FILTERED.udpMode()).isEqualTo("filtered");
    assertThat(UDP_OK.udpMode()).isEqualTo("normal");
    assertThat(NO_UDP_CONTROLS.udpMode()).isEqualTo("normal");
    assertThat(new NetworkContext(false, false, null).withUdp(false, false).udpMode()).isEqualTo("normal");
  }

  @Test
  void stunControls_setTheUdpFactsAndLeaveTheTcpControlsAlone() {
    Endpoint domestic = Endpoints.of("https://ya.ru/");
    Endpoint stunControl = Endpoints.of("stun://192.0.2.10:3478");
    TestKeys working = ClassifierVocabularyTest.handshakeOk().keys();
    TestKeys silent = obs().stun("192.0.2.10:3478", Failures.GENERIC_TIMEOUT, false).keys();

    NetworkContext ctx = NetworkContexts.fromControls(java.util.Map.of(domestic, working, stunControl, silent));

    assertThat(ctx.offline()).isFalse();
    assertThat(ctx.udpControlAnswers()).isFalse();
    assertThat(ctx.udpMode()).isEqualTo("filtered");
  }

  static Obs dnsOk() {
    return obs().system(HOST, IP).tcpDns(HOST, IP).doh(HOST, IP);
  }

  static Obs quicTimesOut() {
    return dnsOk().quic(ADDR, HOST, Failures.GENERIC_TIMEOUT, 6000)
        .quic(ADDR, HOST, Failures.GENERIC_TIMEOUT, 6000, Tags.RETRY);
  }

  static java.util.function.UnaryOperator<Obs> tcpTlsOk() {
    return o -> o.connect(IP, 443, null, 20, Tags.TCP_TLS).tls(ADDR, HOST, null, 40, Tags.TCP_TLS);
  }

  static java.util.function.UnaryOperator<Obs> decoyTimesOut() {
    return o -> o.quic(ADDR, "example.com", Failures.GENERIC_TIMEOUT, 6000, Tags.DECOY_SNI);
  }

  private static Arguments row(String name, Endpoint e, Obs o, NetworkContext ctx, Status s, Method m, Confidence c,
      Boolean sni, String evidence) {
    return Arguments.of(Named.of(name, new Row(e, o.keys(), ctx, s, m, c, sni, evidence)));
  }

}
