package dev.msgprobe.analysis;

import static dev.msgprobe.analysis.ClassifierVocabularyTest.ADDR;
import static dev.msgprobe.analysis.ClassifierVocabularyTest.HOST;
import static dev.msgprobe.analysis.ClassifierVocabularyTest.IP;
import static dev.msgprobe.analysis.ClassifierVocabularyTest.URL;
import static dev.msgprobe.analysis.ClassifierVocabularyTest.WEB;
import static dev.msgprobe.analysis.ClassifierVocabularyTest.dnsOk;
import static dev.msgprobe.analysis.ClassifierVocabularyTest.pathOk;
import static dev.msgprobe.analysis.Obs.obs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.Verdict;
import org.junit.jupiter.api.Test;

/** The evidence sentences name what was compared: addresses, SNI, times in ms, byte counts. */
class ClassifierEvidenceTest {
  private final RenderCheckedClassifier classifier = new RenderCheckedClassifier();

  private Verdict classify(Obs o) {
    return classifier.classify(WEB, o.keys(), NetworkContext.UNKNOWN);
  }

  @Test
  void tlsResetWithDecoy_namesSniAddressAndTimes() {
    Verdict v = classify(dnsOk().connect(IP, 443, null, 20).tls(ADDR, HOST, Failures.CONNECTION_RESET, 31)
        .tls(ADDR, "example.com", null, 45, Tags.DECOY_SNI));

    assertThat(v.evidence().get(0))
        .isEqualTo("ClientHello with SNI web.whatsapp.com to 157.240.1.53:443 was reset after 31 ms");
    assertThat(v.evidence().get(1)).contains("completed a handshake with SNI example.com in 45 ms");
  }

  @Test
  void nxdomainOnUdpAndTcp_pointsAtTheResolverItself() {
    Verdict v = classify(obs().systemFails(HOST, Failures.DNS_NXDOMAIN).tcpDnsFails(HOST, Failures.DNS_NXDOMAIN)
        .doh(HOST, IP));

    assertThat(String.join("\n", v.evidence())).contains("192.0.2.53:53", "NXDOMAIN", "NSDI", "157.240.1.53");
  }

  @Test
  void resolverEchoFromMskIx_addsInterceptionEvidence() {
    Verdict v = classify(obs().systemFails(HOST, Failures.DNS_NXDOMAIN).doh(HOST, IP)
        .echo("whoami.akamai.net", "193.232.230.48"));

    assertThat(v.method()).isEqualTo(Method.DNS_NXDOMAIN);
    assertThat(v.evidence()).anySatisfy(e -> assertThat(e).contains("193.232.230.48", "intercepted", "net4people/bbs#657"));
  }

  @Test
  void dnsBlockWithWorkingTrustedPath_saysTheBlockIsDnsOnly() {
    Verdict v = classify(obs().systemFails(HOST, Failures.DNS_NXDOMAIN).doh(HOST, IP).then(pathOk(Tags.TRUSTED_ADDRESS)));

    assertThat(v.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(v.evidence()).last().asString().startsWith("on the trusted address the rest of the path worked")
        .contains("HTTP 200");
  }

  @Test
  void dnsBlockWithCertificateErrorOnTrustedPath_lowersConfidence() {
    Verdict v = classify(obs().systemFails(HOST, Failures.DNS_NXDOMAIN).doh(HOST, IP)
        .connect(IP, 443, null, 20, Tags.TRUSTED_ADDRESS)
        .tls(ADDR, HOST, Failures.SSL_UNKNOWN_AUTHORITY, 40, Tags.TRUSTED_ADDRESS));

    assertThat(v.status()).isEqualTo(Status.BLOCKED);
    assertThat(v.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(v.evidence()).last().asString().startsWith("on the trusted address the path failed too")
        .contains("ssl_unknown_authority");
  }

  @Test
  void flakyRetry_saysSoAndKeepsTheFirstFailure() {
    Verdict v = classify(dnsOk().connect(IP, 443, Failures.GENERIC_TIMEOUT, 10000).connect(IP, 443, null, 25, Tags.RETRY)
        .tls(ADDR, HOST, null, 40).http(ADDR, "GET", URL, 200, null, "ok"));

    assertThat(v.evidence()).anySatisfy(e -> assertThat(e).contains("generic_timeout_error after 10000 ms",
        "connected on retry in 25 ms", "flaky"));
  }

  @Test
  void stall_namesBytesAndTarget() {
    Verdict v = classify(dnsOk().then(pathOk()).transfer(ADDR, 262144, 16384, 30, 4.4, true, Failures.GENERIC_TIMEOUT));

    assertThat(v.evidence().get(0)).contains("157.240.1.53:443", "16384 of 262144 bytes", "no reset or close");
  }

  @Test
  void throttle_namesGoodputAndBaseline() {
    Verdict v = classifier.classify(WEB, dnsOk().then(pathOk())
        .transfer(ADDR, 262144, 262144, 15.0, 140, false, null).keys(), new NetworkContext(true, true, 8000.0));

    assertThat(v.evidence().get(0)).contains("262144 bytes in 15.0 s", "140 kbit/s", "8000 kbit/s");
  }

  @Test
  void uploadStall_namesTheDirectionAndTheBytesAtLeastDelivered() {
    Verdict v = classify(dnsOk().then(pathOk()).upload(ADDR, 131072, 12288, 0.2, 480, true, Failures.GENERIC_TIMEOUT));

    assertThat(v.evidence().get(0)).contains("an upload to 157.240.1.53:443", "at least 12288 of 131072 bytes",
        "no reset or close");
  }

  @Test
  void uploadThrottle_namesTheUploadBaseline() {
    Verdict v = classifier.classify(WEB, dnsOk().then(pathOk()).upload(ADDR, 131072, 114688, 6.0, 150, false, null)
        .keys(), new NetworkContext(true, true, 50000.0, 4000.0));

    assertThat(v.evidence().get(0)).contains("an upload to", "150 kbit/s", "upload median of 4000 kbit/s");
  }

  @Test
  void allowlistMode_isNamedInEveryBlockedVerdict() {
    Verdict v = classifier.classify(WEB, dnsOk().connect(IP, 443, Failures.GENERIC_TIMEOUT, 10000).keys(),
        new NetworkContext(true, false, null));

    assertThat(v.evidence()).contains(NetworkModes.ALLOWLIST);
  }

  @Test
  void offline_comesFirstAndNothingIsBlocked() {
    Verdict v = classifier.classify(WEB, obs().systemFails(HOST, Failures.DNS_NXDOMAIN).doh(HOST, IP).keys(),
        new NetworkContext(false, false, null));

    assertThat(v.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(v.method()).isEqualTo(Method.DNS_NXDOMAIN);
    assertThat(v.evidence().get(0)).isEqualTo(NetworkModes.OFFLINE);
  }

  @Test
  void cdnAddressesThatValidate_areExplainedNotBlamed() {
    Verdict v = classify(obs().system(HOST, "5.6.7.8").doh(HOST, IP).tls("5.6.7.8:443", HOST, null, 40, Tags.VALIDATE)
        .connect("5.6.7.8", 443, null, 20).tls("5.6.7.8:443", HOST, null, 40)
        .http("5.6.7.8:443", "GET", URL, 200, null, "ok"));

    assertThat(v.status()).isEqualTo(Status.REACHABLE);
    assertThat(v.evidence()).anySatisfy(e -> assertThat(e).contains("5.6.7.8:443", "valid certificate", "CDN"));
  }

  @Test
  void injectedAnswerOnHttpsEndpoint_isClearedByAValidatedHandshake() {
    Verdict v = classify(obs().system(HOST, "5.6.7.8").late(HOST, IP).doh(HOST, IP)
        .connect("5.6.7.8", 443, null, 20).tls("5.6.7.8:443", HOST, null, 40)
        .http("5.6.7.8:443", "GET", URL, 200, null, "ok"));

    assertThat(v.status()).isEqualTo(Status.REACHABLE);
    assertThat(v.evidence()).anySatisfy(e -> assertThat(e).contains("validated the certificate"));
  }

  @Test
  void lateDuplicateConfirmedByDoh_isNotInjection() {
    Verdict v = classify(obs().system(HOST, IP).late(HOST, "5.6.7.8").doh(HOST, IP).then(pathOk()));

    assertThat(v.status()).isEqualTo(Status.REACHABLE);
  }

  @Test
  void blockPageRedirectInAChain_isFoundOnAnyHop() {
    Verdict v = classifier.classify(Endpoints.of("http://web.whatsapp.com/"), dnsOk().connect(IP, 80, null, 20)
        .http(IP + ":80", "GET", "http://web.whatsapp.com/", 307, null, "", "Location", "http://blocked.mts.ru/?u=x")
        .http("10.0.0.1:80", "GET", "http://blocked.mts.ru/?u=x", 0, Failures.GENERIC_TIMEOUT, "").keys(),
        NetworkContext.UNKNOWN);

    assertThat(v.method()).isEqualTo(Method.HTTP_BLOCKPAGE);
    assertThat(v.evidence().get(0)).contains("HTTP 307", "cl.isp_ru_mts_forward", "MTS");
  }

  @Test
  void requestFailingOnALaterHop_saysWhichHop() {
    Verdict v = classifier.classify(Endpoints.of("http://t.me/"), obs().system("t.me", IP).doh("t.me", IP)
        .connect(IP, 80, null, 20)
        .http(IP + ":80", "GET", "http://t.me/", 301, null, "", "Location", "https://telegram.org/")
        .http("149.154.167.99:443", "GET", "https://telegram.org/", 0, Failures.CONNECTION_RESET, "").keys(),
        NetworkContext.UNKNOWN);

    assertThat(v.method()).isEqualTo(Method.HTTP_RESET);
    assertThat(v.evidence()).anySatisfy(e -> assertThat(e).contains("hop 2"));
  }

  @Test
  void tcpTimeoutOnSecondAddressOnly_isReachableWithANote() {
    Verdict v = classify(obs().system(HOST, "5.6.7.8", IP).doh(HOST, IP, "5.6.7.8")
        .connect("5.6.7.8", 443, Failures.GENERIC_TIMEOUT, 10000)
        .connect("5.6.7.8", 443, Failures.GENERIC_TIMEOUT, 10000, Tags.RETRY)
        .connect(IP, 443, null, 20).tls(ADDR, HOST, null, 40).http(ADDR, "GET", URL, 200, null, "ok"));

    assertThat(v.status()).isEqualTo(Status.REACHABLE);
    assertThat(v.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(v.evidence()).anySatisfy(e -> assertThat(e).contains("5.6.7.8:443", "generic_timeout_error"));
  }

  @Test
  void controlVantageSucceeding_makesAFailureCertain() {
    Verdict v = classify(dnsOk().connect(IP, 443, null, 20).tls(ADDR, HOST, Failures.EOF, 35)
        .tls(ADDR, HOST, null, 50, Tags.CONTROL));

    assertThat(v.status()).isEqualTo(Status.BLOCKED);
    assertThat(v.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(v.evidence()).contains("the control vantage completed the same TLS handshake");
  }

  @Test
  void handshakeAlertWithoutSniEvidence_isInconclusive() {
    Verdict v = classify(dnsOk().connect(IP, 443, null, 20).tls(ADDR, HOST, Failures.SSL_FAILED_HANDSHAKE, 35));

    assertThat(v.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(v.method()).isEqualTo(Method.TLS_EOF);
  }

  @Test
  void missingHandshakeRecord_isInconclusiveNotReachable() {
    Verdict v = classify(dnsOk().connect(IP, 443, null, 20));

    assertThat(v.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(v.evidence().get(0)).contains("no record of a TLS handshake");
  }

  @Test
  void queriesForARedirectTargetDoNotCountForTheEndpointHost() {
    Verdict v = classify(dnsOk().systemFails("other.example", Failures.DNS_NXDOMAIN).then(pathOk()));

    assertThat(v.status()).isEqualTo(Status.REACHABLE);
  }

  @Test
  void loopbackAddressesTheMeasurerUsed_areUsableInALab() {
    Verdict v = classifier.classify(Endpoints.of("https://web.whatsapp.com:8443/"), obs()
        .system(HOST, "127.0.0.1").doh(HOST, "127.0.0.1").connect("127.0.0.1", 8443, null, 1)
        .tls("127.0.0.1:8443", HOST, null, 2).http("127.0.0.1:8443", "GET", URL, 200, null, "ok").keys(),
        NetworkContext.UNKNOWN);

    assertThat(v.status()).isEqualTo(Status.REACHABLE);
    assertThat(v.confidence()).isEqualTo(Confidence.HIGH);
  }
}
