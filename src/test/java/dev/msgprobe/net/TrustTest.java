package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustTest {
  private static final HeldCertificate CA_ONE = ca("one");
  private static final HeldCertificate CA_TWO = ca("two");

  @TempDir
  Path dir;

  @Test
  void noCaFile_isTheJdkTrustAlone() throws IOException {
    Trust trust = Trust.load(null);

    assertThat(trust.extraCertificates()).isEmpty();
    assertThat(trust.trustManager().getAcceptedIssuers())
        .hasSameSizeAs(Trust.jdkDefault().trustManager().getAcceptedIssuers());
  }

  @Test
  void pemFileWithSeveralCas_addsEveryOneToTheJdkTrust() throws Exception {
    Path file = Files.writeString(dir.resolve("cas.pem"),
        "extra CAs for a lab\n" + CA_ONE.certificatePem() + CA_TWO.certificatePem());

    Trust trust = Trust.load(file);

    assertThat(trust.extraCertificates()).containsExactly(CA_ONE.certificate(), CA_TWO.certificate());
    assertThat(trust.trustManager().getAcceptedIssuers())
        .hasSize(Trust.jdkDefault().trustManager().getAcceptedIssuers().length + 2);
    trust.trustManager().checkServerTrusted(chainFrom(CA_TWO), "ECDHE_ECDSA");
  }

  @Test
  void chainFromAnotherCa_isRejected() throws IOException {
    Trust trust = Trust.load(Files.writeString(dir.resolve("one.pem"), CA_ONE.certificatePem()));

    assertThatThrownBy(() -> trust.trustManager().checkServerTrusted(chainFrom(CA_TWO), "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void fileWithoutCertificates_isAnError() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    Path junk = Files.writeString(dir.resolve("junk.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");

    assertThatThrownBy(() -> Trust.load(empty)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Trust.load(junk)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Trust.load(dir.resolve("missing.pem"))).isInstanceOf(IOException.class);
  }

  @Test
  void sslContext_isFreshEachTime() {
    Trust trust = Trust.jdkDefault();

    assertThat(trust.sslContext()).isNotSameAs(trust.sslContext());
  }

  private static X509Certificate[] chainFrom(HeldCertificate ca) {
    HeldCertificate leaf = new HeldCertificate.Builder().addSubjectAlternativeName("lab.test").signedBy(ca).build();
    return new X509Certificate[] {leaf.certificate(), ca.certificate()};
  }

  private static HeldCertificate ca(String name) {
    return new HeldCertificate.Builder().commonName("test CA " + name).certificateAuthority(0).build();
  }
}
