package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.msgprobe.testing.TestCa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustTest {
  @TempDir
  Path dir;

  @Test
  void withoutCaFile_trustsTheJdkDefaults() throws IOException {
    assertThat(Trust.load(null).trustManager().getAcceptedIssuers()).isNotEmpty();
  }

  @Test
  void caFile_isAddedToTheJdkDefaults() throws IOException {
    TestCa ca = new TestCa();
    int jdkCount = Trust.load(null).trustManager().getAcceptedIssuers().length;

    Trust trust = ca.trust(dir);

    assertThat(trust.trustManager().getAcceptedIssuers()).hasSize(jdkCount + 1);
    assertThat(Arrays.asList(trust.trustManager().getAcceptedIssuers())).contains(ca.root().certificate());
  }

  @Test
  void caFileWithSeveralCertificates_addsThemAll() throws IOException {
    Path pem = Files.writeString(dir.resolve("two.pem"),
        new TestCa().root().certificatePem() + "\n" + new TestCa().root().certificatePem());
    int jdkCount = Trust.load(null).trustManager().getAcceptedIssuers().length;

    assertThat(Trust.load(pem).trustManager().getAcceptedIssuers()).hasSize(jdkCount + 2);
  }

  @Test
  void emptyOrMissingCaFile_isAnIoError() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");

    assertThatThrownBy(() -> Trust.load(empty)).isInstanceOf(IOException.class).hasMessageContaining("empty.pem");
    assertThatThrownBy(() -> Trust.load(dir.resolve("missing.pem"))).isInstanceOf(IOException.class);
  }

  @Test
  void sslContext_isNewEachTime() throws IOException {
    Trust trust = Trust.load(null);

    assertThat(trust.sslContext()).isNotSameAs(trust.sslContext());
  }
}
