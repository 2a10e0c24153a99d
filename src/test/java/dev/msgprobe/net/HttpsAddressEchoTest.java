package dev.msgprobe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.msgprobe.testing.TestCa;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsAddressEchoTest {
  private static final TestCa CA = new TestCa();
  private static HttpsAddressEcho echo;
  private final MockWebServer server = new MockWebServer();

  @BeforeAll
  static void trustTheTestCa(@TempDir Path dir) throws IOException {
    Logger.getLogger(MockWebServer.class.getName()).setLevel(Level.OFF);
    echo = new HttpsAddressEcho(CA.trust(dir), Duration.ofSeconds(2));
  }

  @BeforeEach
  void start() throws IOException {
    server.useHttps(TestCa.serverContext(CA.leaf()).getSocketFactory());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url() {
    return "https://127.0.0.1:" + server.getPort() + "/ip";
  }

  @Test
  void plainTextAnswer_isTheAddress() throws Exception {
    server.enqueue(new MockResponse.Builder().body("203.0.113.7\n").build());

    assertThat(echo.ask(url())).isEqualTo(IpLiterals.parse("203.0.113.7"));
    assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
  }

  @Test
  void jsonAnswer_givesItsFirstAddress() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("{\"ip\":\"2001:db8::7\",\"country\":\"RU\",\"seen\":\"198.51.100.1\"}").build());

    assertThat(echo.ask(url())).isEqualTo(IpLiterals.parse("2001:db8::7"));
  }

  @Test
  void garbageAnswer_namesNoAddress() {
    server.enqueue(new MockResponse.Builder().body("deadbeef: 1.2.3 or 999.1.1.1 or 0.0.0.0 or :: at 12:30").build());

    assertThatThrownBy(() -> echo.ask(url())).isInstanceOf(IOException.class).hasMessageContaining("no IP address");
  }

  @Test
  void addressPastTheBodyCap_isNotRead() {
    server.enqueue(new MockResponse.Builder().body("x".repeat(HttpsAddressEcho.BODY_CAP) + "203.0.113.7").build());

    assertThatThrownBy(() -> echo.ask(url())).isInstanceOf(IOException.class).hasMessageContaining("no IP address");
  }

  @Test
  void redirect_isNotFollowed() {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/elsewhere").build());
    server.enqueue(new MockResponse.Builder().body("203.0.113.7").build());

    assertThatThrownBy(() -> echo.ask(url())).isInstanceOf(IOException.class).hasMessageContaining("HTTP 302");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void plainHttpUrl_isRefused() {
    assertThat(HttpsAddressEcho.isHttpsUrl("http://127.0.0.1/ip")).isFalse();
    assertThat(HttpsAddressEcho.isHttpsUrl("https://127.0.0.1/ip")).isTrue();
    assertThatThrownBy(() -> echo.ask("http://127.0.0.1:" + server.getPort() + "/ip"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
