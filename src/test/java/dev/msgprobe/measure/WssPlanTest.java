package dev.msgprobe.measure;

import static dev.msgprobe.measure.MeasurerFixture.CA;
import static dev.msgprobe.measure.MeasurerFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.testing.TestCa;
import dev.msgprobe.testing.TestEndpoints;
import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WssPlanTest {
  private final MeasurerFixture fixture = new MeasurerFixture();
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.useHttps(TestCa.serverContext(CA.leaf(HOST)).getSocketFactory());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    fixture.resolver.answer(HOST, "127.0.0.1");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void upgradeAccepted_isOneSuccessfulRequestOnTheMainConnection() throws Exception {
    server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {}).build());

    TestKeys keys = fixture.measure(TestEndpoints.of("wss://" + HOST + ":" + server.getPort() + "/websocket"));

    assertThat(keys.tlsHandshakes()).singleElement()
        .satisfies(h -> assertThat(h.negotiatedProtocol()).isEqualTo("http/1.1"));
    assertThat(keys.requests()).singleElement().satisfies(r -> {
      assertThat(r.failure()).isNull();
      assertThat(r.response().code()).isEqualTo(101);
      assertThat(r.request().headers()).containsEntry("Origin", "https://" + HOST)
          .containsEntry("Host", HOST + ":" + server.getPort());
      assertThat(r.transactionId()).isEqualTo(keys.tlsHandshakes().get(0).transactionId());
    });
    assertThat(server.takeRequest().getTarget()).isEqualTo("/websocket");
  }

  @Test
  void upgradeRefused_isAFailureWithTheResponse() {
    server.enqueue(new MockResponse.Builder().code(404).body("no socket here").build());

    TestKeys keys = fixture.measure(TestEndpoints.of("wss://" + HOST + ":" + server.getPort() + "/websocket"));

    assertThat(keys.requests()).singleElement().satisfies(r -> {
      assertThat(r.failure()).isEqualTo(Failures.HTTP_UNEXPECTED_STATUS_CODE);
      assertThat(r.response().code()).isEqualTo(404);
      assertThat(r.response().body().asText()).isEqualTo("no socket here");
    });
  }
}
