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
import java.security.cert.CertificateEncodingException;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/**
 * TLS interception where the resolver under test and DoH agree on the address: an unknown issuer on a
 * well-known service (rule 1), or one unknown issuer on unrelated sites in one run (rule 2), is
 * blocked; a lone broken server keeps its down verdict.
 */
class TlsInterceptionTest {
  private static final HeldCertificate MIDDLEBOX_CA = new HeldCertificate.Builder().certificateAuthority(0)
      .commonName("Corporate Inspection CA").build();
  private final Classifier classifier = new Classifier();

  @Test
  void unknownIssuerOnWhatsAppWhereDohAgrees_isBlockedTlsCertInvalid_namingTheIssuer() throws Exception {
    Endpoint e = Endpoints.of("https://web.whatsapp.com/", "whatsapp", "web");

    Verdict v = classifier.classify(e, agreeing("web.whatsapp.com", "157.240.1.53", leafOf(MIDDLEBOX_CA,
        "web.whatsapp.com")), NetworkContext.UNKNOWN);

    assertThat(v.status()).isEqualTo(Status.BLOCKED);
    assertThat(v.method()).isEqualTo(Method.TLS_CERT_INVALID);
    assertThat(v.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(String.join(" ", v.evidence())).contains("CN=Corporate Inspection CA")
        .contains(sha256Hex(MIDDLEBOX_CA)).contains("interception");
  }

  @Test
  void unknownIssuerOnWhatsAppWithoutRecordedChain_staysDown() {
    Endpoint e = Endpoints.of("https://web.whatsapp.com/", "whatsapp", "web");

    Verdict v = classifier.classify(e, agreeing("web.whatsapp.com", "157.240.1.53", List.of()), NetworkContext.UNKNOWN);

    assertThat(v.status()).isEqualTo(Status.DOWN);
  }

  @Test
  void russianTrustedRootOnMax_isTheServersOwnIssuer_staysDown() throws Exception {
    HeldCertificate russian = new HeldCertificate.Builder().certificateAuthority(0)
        .commonName("Russian Trusted Sub CA").build();
    Endpoint e = Endpoints.of("https://api.oneme.ru/", "max", "api");

    Verdict v = classifier.classify(e, agreeing("api.oneme.ru", "155.212.204.1", leafOf(russian, "api.oneme.ru")),
        NetworkContext.UNKNOWN);

    assertThat(v.status()).isEqualTo(Status.DOWN);
    assertThat(v.method()).isEqualTo(Method.TLS_CERT_INVALID);
  }

  @Test
  void selfSignedOrdinaryHostAlone_staysDown() throws Exception {
    HeldCertificate selfSigned = new HeldCertificate.Builder().commonName("shop.example").addSubjectAlternativeName(
        "shop.example").build();
    TestKeys keys = agreeing("shop.example", "203.0.113.7", List.of(selfSigned.certificate().getEncoded()));
    SharedIssuers run = run("shop.example", keys);

    Verdict v = classifier.classify(Endpoints.of("https://shop.example/"), keys, NetworkContext.UNKNOWN,
        run);

    assertThat(v.status()).isEqualTo(Status.DOWN);
    assertThat(String.join(" ", v.evidence())).contains("CN=shop.example");
  }

  @Test
  void sameUnknownIssuerOnTwoUnrelatedSites_isBlockedForBoth() throws Exception {
    TestKeys news = agreeing("news.example", "203.0.113.7", leafOf(MIDDLEBOX_CA, "news.example"));
    TestKeys mail = agreeing("mail.other.test", "198.51.100.9", leafOf(MIDDLEBOX_CA, "mail.other.test"));
    SharedIssuers run = run("news.example", news, "mail.other.test", mail);

    Verdict first = classifier.classify(Endpoints.of("https://news.example/"), news, NetworkContext.UNKNOWN,
        run);
    Verdict second = classifier.classify(Endpoints.of("https://mail.other.test/"), mail, NetworkContext.UNKNOWN,
        run);

    for (Verdict v : List.of(first, second)) {
      assertThat(v.status()).isEqualTo(Status.BLOCKED);
      assertThat(v.method()).isEqualTo(Method.TLS_CERT_INVALID);
      assertThat(String.join(" ", v.evidence())).contains("2 unrelated sites (news.example, other.test)")
          .contains("CN=Corporate Inspection CA");
    }
  }

  @Test
  void sameUnknownIssuerOnTwoHostsOfOneSite_isOneBrokenOperator_staysDown() throws Exception {
    TestKeys a = agreeing("a.example.co.uk", "203.0.113.7", leafOf(MIDDLEBOX_CA, "a.example.co.uk"));
    TestKeys b = agreeing("b.example.co.uk", "203.0.113.8", leafOf(MIDDLEBOX_CA, "b.example.co.uk"));
    SharedIssuers run = run("a.example.co.uk", a, "b.example.co.uk", b);

    Verdict v = classifier.classify(Endpoints.of("https://a.example.co.uk/"), a, NetworkContext.UNKNOWN,
        run);

    assertThat(v.status()).isEqualTo(Status.DOWN);
  }

  @Test
  void twoUnrelatedDefaultSelfSignedCertificatesOfOneName_areTwoIssuers_stayDown() throws Exception {
    HeldCertificate one = new HeldCertificate.Builder().commonName("localhost").build();
    HeldCertificate two = new HeldCertificate.Builder().commonName("localhost").build();
    TestKeys a = agreeing("news.example", "203.0.113.7", List.of(one.certificate().getEncoded()));
    TestKeys b = agreeing("mail.other.test", "198.51.100.9", List.of(two.certificate().getEncoded()));
    SharedIssuers run = run("news.example", a, "mail.other.test", b);

    Verdict v = classifier.classify(Endpoints.of("https://news.example/"), a, NetworkContext.UNKNOWN,
        run);

    assertThat(v.status()).isEqualTo(Status.DOWN);
  }

  @Test
  void sharedUnknownIssuerAlsoSeenByTheControlVantage_isTheServersOwn_down() throws Exception {
    List<byte[]> chain = leafOf(MIDDLEBOX_CA, "news.example");
    TestKeys news = obs().system("news.example", "203.0.113.7").doh("news.example", "203.0.113.7")
        .connect("203.0.113.7", 443, null, 20)
        .tlsWithChain("203.0.113.7:443", "news.example", Failures.SSL_UNKNOWN_AUTHORITY, chain)
        .tlsWithChain("203.0.113.7:443", "news.example", Failures.SSL_UNKNOWN_AUTHORITY, chain, Tags.CONTROL).keys();
    TestKeys mail = agreeing("mail.other.test", "198.51.100.9", leafOf(MIDDLEBOX_CA, "mail.other.test"));
    SharedIssuers run = run("news.example", news, "mail.other.test", mail);

    Verdict v = classifier.classify(Endpoints.of("https://news.example/"), news, NetworkContext.UNKNOWN,
        run);

    assertThat(v.status()).isEqualTo(Status.DOWN);
  }

  @Test
  void sitesAreRegistrableDomains() {
    assertThat(SharedIssuers.site("e1.whatsapp.net")).isEqualTo("whatsapp.net");
    assertThat(SharedIssuers.site("a.b.example.co.uk")).isEqualTo("example.co.uk");
    assertThat(SharedIssuers.site("api.vk.ru")).isEqualTo("vk.ru");
    assertThat(SharedIssuers.site("149.154.167.51")).isEqualTo("149.154.167.51");
    assertThat(SharedIssuers.site("Example.ORG.")).isEqualTo("example.org");
  }

  /** The issuers of a run that measured these hosts (host, keys, host, keys...). */
  private static SharedIssuers run(Object... hostsAndKeys) {
    SharedIssuers.Census census = new SharedIssuers.Census();
    for (int i = 0; i < hostsAndKeys.length; i += 2) {
      census.add((String) hostsAndKeys[i], (TestKeys) hostsAndKeys[i + 1]);
    }
    return census.snapshot();
  }

  /** DNS and DoH agree on {@code ip}; the main handshake fails for an unknown issuer with {@code chain}. */
  private static TestKeys agreeing(String host, String ip, List<byte[]> chain) {
    return obs().system(host, ip).doh(host, ip).connect(ip, 443, null, 20)
        .tlsWithChain(ip + ":443", host, Failures.SSL_UNKNOWN_AUTHORITY, chain).keys();
  }

  private static List<byte[]> leafOf(HeldCertificate ca, String name) throws CertificateEncodingException {
    HeldCertificate leaf = new HeldCertificate.Builder().commonName(name).addSubjectAlternativeName(name)
        .signedBy(ca).build();
    return List.of(leaf.certificate().getEncoded(), ca.certificate().getEncoded());
  }

  private static String sha256Hex(HeldCertificate c) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(c.certificate().getEncoded()));
  }
}
