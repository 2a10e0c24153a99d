package dev.msgprobe.analysis;

import static dev.msgprobe.analysis.Obs.obs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.Verdict;
import org.junit.jupiter.api.Test;

/** DNS consistency by network: whose network the resolver under test's answer is in. */
class DnsNetworkRulesTest {
  private static final String HOST = "web.whatsapp.com";
  private static final Endpoint WEB = Endpoints.of("https://web.whatsapp.com/", "whatsapp", "web");
  private static final Endpoint CHAT = Endpoints.of("tcp://e1.whatsapp.net:5222", "whatsapp", "chat");
  private static final Endpoint DNS = Endpoints.of("dns://web.whatsapp.com", "whatsapp", "web");

  private static Verdict classify(Endpoint e, Obs o) {
    return new RenderCheckedClassifier().classify(e, o.keys(), NetworkContext.UNKNOWN);
  }

  @Test
  void answerInTheIspsNetwork_whileTrustedAnswersAreMetas_isDnsInconsistentNamingBothNetworks() {
    Verdict v = classify(DNS, obs().system(HOST, "95.167.13.77").doh(HOST, "157.240.1.53")
        .network("95.167.13.77", 12389, "PJSC Rostelecom").network("157.240.1.53", 32934, "Facebook, Inc."));
    assertThat(v.status()).isEqualTo(Status.BLOCKED);
    assertThat(v.method()).isEqualTo(Method.DNS_INCONSISTENT);
    assertThat(v.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(String.join("\n", v.evidence())).contains("AS12389 (PJSC Rostelecom)")
        .contains("AS32934 (Facebook, Inc.)").contains("whatsapp's own networks (AS32934)");
  }

  @Test
  void cdnRotationInsideMetasNetwork_isReachable_withTheSharedNetworkNoted() {
    Verdict v = classify(DNS, obs().system(HOST, "157.240.9.9").doh(HOST, "157.240.1.53")
        .network("157.240.9.9", 32934, "Facebook, Inc.").network("157.240.1.53", 32934, "Facebook, Inc."));
    assertThat(v.status()).isEqualTo(Status.REACHABLE);
    assertThat(String.join("\n", v.evidence())).contains("same network").contains("AS32934");
  }

  @Test
  void withoutDoh_anAnswerOutsideTheServicesOwnNetworks_isStillEvidence() {
    Verdict v = classify(CHAT, obs().system("e1.whatsapp.net", "95.167.13.77")
        .network("95.167.13.77", 12389, "PJSC Rostelecom")
        .connect("95.167.13.77", 5222, Failures.GENERIC_TIMEOUT, 2000)
        .connect("95.167.13.77", 5222, Failures.GENERIC_TIMEOUT, 2000, Tags.RETRY));
    assertThat(v.method()).isEqualTo(Method.DNS_INCONSISTENT);
    assertThat(String.join("\n", v.evidence())).contains("AS12389").contains("not among whatsapp's own networks");
  }

  @Test
  void foreignNetworkAnswer_thatValidatesForTheName_isReachable() {
    Verdict v = classify(WEB, obs().system(HOST, "95.167.13.77").doh(HOST, "157.240.1.53")
        .network("95.167.13.77", 12389, "PJSC Rostelecom").network("157.240.1.53", 32934, "Facebook, Inc.")
        .tls("95.167.13.77:443", HOST, null, 40, Tags.VALIDATE)
        .connect("95.167.13.77", 443, null, 20).tls("95.167.13.77:443", HOST, null, 40)
        .http("95.167.13.77:443", "GET", "https://web.whatsapp.com/", 200, null, "<html>"));
    assertThat(v.status()).isEqualTo(Status.REACHABLE);
  }

  @Test
  void answerOfUnknownNetwork_decidesNothing() {
    Verdict v = classify(DNS, obs().system(HOST, "95.167.13.77").doh(HOST, "157.240.1.53")
        .network("157.240.1.53", 32934, "Facebook, Inc."));
    assertThat(v.status()).isEqualTo(Status.REACHABLE);
  }
}
