package dev.msgprobe.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.msgprobe.store.Store;
import dev.msgprobe.store.Stores;
import dev.msgprobe.testing.TestCa;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorTlsTest {
  @TempDir Path dir;

  @Test
  void withAPemCertificateAndKey_theCollectorServesHttps() throws Exception {
    TestCa ca = new TestCa();
    HeldCertificate leaf = ca.leaf("collector.test");
    Path cert = Files.writeString(dir.resolve("cert.pem"), leaf.certificatePem());
    Path key = Files.writeString(dir.resolve("key.pem"), leaf.privateKeyPkcs8Pem());
    HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
        .sslContext(new HandshakeCertificates.Builder().addTrustedCertificate(ca.root().certificate()).build().sslContext())
        .build();

    try (Store store = Stores.open(dir.resolve("c.db").toString(), Map.of()).orElseThrow();
        CollectorServer server = CollectorServer.start(new CollectorConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            store, Map.of(), ServerTls.fromPem(cert, key), 4, 1 << 20, Duration.ofSeconds(10)))) {
      assertThat(server.url()).startsWith("https://");
      HttpResponse<String> health = client.send(HttpRequest.newBuilder(
          URI.create("https://127.0.0.1:" + server.address().getPort() + "/")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("msgprobe collector");
    }
  }

  @Test
  void aKeyThatIsNotPkcs8Pem_isRefused_namingTheFile() throws Exception {
    HeldCertificate leaf = new TestCa().leaf("collector.test");
    Path cert = Files.writeString(dir.resolve("cert.pem"), leaf.certificatePem());
    Path key = Files.writeString(dir.resolve("key.pem"), "not a key");

    assertThatThrownBy(() -> ServerTls.fromPem(cert, key)).isInstanceOf(IOException.class)
        .hasMessageContaining("key.pem: not a PKCS#8 PEM key");
  }
}
