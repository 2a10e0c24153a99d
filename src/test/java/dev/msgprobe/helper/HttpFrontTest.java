package dev.msgprobe.helper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.helper.HttpFront.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HttpFrontTest {
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final List<Integer> logged = new CopyOnWriteArrayList<>();
  private HttpFront front;

  @BeforeEach
  void start() throws IOException {
    front = new HttpFront(new InetSocketAddress("127.0.0.1", 0), 4, Duration.ofMillis(500), 100, request -> {
      seen.add(request.method() + " " + request.path() + " " + new String(request.body(), StandardCharsets.UTF_8));
      return Response.json(200, "{}".getBytes(StandardCharsets.UTF_8));
    }, (request, status, nanos) -> logged.add(status));
  }

  @AfterEach
  void stop() {
    front.close();
  }

  private String exchange(String raw) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(front.address(), 5000);
      s.setSoTimeout(10_000);
      s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException reset) {
      return "reset: " + reset.getMessage();
    }
  }

  @Test
  void wellFormedPost_reachesTheHandler_withItsBodyAndPathWithoutQuery() throws IOException {
    String reply = exchange("POST /x?y=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello");

    assertThat(reply).startsWith("HTTP/1.1 200 ").contains("Connection: close");
    assertThat(seen).containsExactly("POST /x hello");
  }

  @Test
  void headThatNeverEnds_isClosedAtTheReadDeadline_withoutReachingTheHandler() throws Exception {
    String reply = exchange("POST / HTTP/1.1\r\nHost: h\r\nX-Slow: ");

    assertThat(reply).doesNotContain("200");
    assertThat(seen).isEmpty();
    for (int i = 0; i < 100 && logged.isEmpty(); i++) {
      Thread.sleep(50);
    }
    assertThat(logged).as("logged as cut off").containsExactly(0);
  }

  @Test
  void headerFlood_is431_andABodyOverTheLimit413_andChunked411() throws IOException {
    assertThat(exchange("GET / HTTP/1.1\r\n" + "X-A: b\r\n".repeat(HttpFront.MAX_HEAD_BYTES / 8 + 1) + "\r\n"))
        .startsWith("HTTP/1.1 431 ");
    assertThat(exchange("POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n")).startsWith("HTTP/1.1 413 ");
    assertThat(exchange("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")).startsWith("HTTP/1.1 411 ");
    assertThat(exchange("NONSENSE\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    assertThat(seen).isEmpty();
  }
}
