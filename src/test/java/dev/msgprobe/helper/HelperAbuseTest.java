package dev.msgprobe.helper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.net.Trust;
import dev.msgprobe.testing.FakeDnsServer;
import dev.msgprobe.testing.Handlers;
import dev.msgprobe.testing.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The helper under abuse on loopback: 500 slowloris connections (a request head that never ends),
 * then 100 requests at TLS servers that trickle their handshake forever. Afterwards a normal request
 * is answered, no request slot is held, and the helper's threads are back to their idle count.
 * Assertions are on counts and states; the deadlines are only generous bounds against a hang.
 */
@Timeout(180)
class HelperAbuseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SLOW_CONNECTIONS = 500;
  private static final int STALLING_REQUESTS = 100;
  private static final int MAX_CONNECTIONS = 64;
  /** A request whose connection the helper closed over its connection cap (the 503 may be lost in a reset). */
  private static final int REFUSED = -1;

  @Test
  void slowlorisAndStallingTlsTargets_leaveTheHelperAnsweringAndBackToIdle() throws Exception {
    ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    try (FakeDnsServer dns = FakeDnsServer.start();
        LoopbackServer trickle = LoopbackServer.start(Handlers.trickleAfterClientHello());
        ControlServer helper = ControlServer.start(new HelperConfig(new InetSocketAddress("127.0.0.1", 0),
            dns.address(), Trust.of(List.of()), Duration.ofMillis(500), true, null, 8,
            HelperConfig.DEFAULT_MAX_REQUEST_BYTES, MAX_CONNECTIONS, Duration.ofSeconds(1), false), log::add,
            Clock.systemUTC())) {
      int idleThreads = helperThreads();
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

      List<Socket> slow = new ArrayList<>();
      for (int i = 0; i < SLOW_CONNECTIONS; i++) {
        Socket s = new Socket();
        s.connect(helper.address(), 5000);
        s.setSoTimeout(100);
        try {
          OutputStream out = s.getOutputStream();
          out.write("POST / HTTP/1.1\r\nHost: helper\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        } catch (IOException closedAlready) {
          // over the connection cap: the helper closed it at once
        }
        slow.add(s);
      }
      assertThat(eventually(() -> slow.stream().allMatch(HelperAbuseTest::closedByPeer)))
          .as("every slow connection closed by the helper (cap or read deadline)").isTrue();
      slow.forEach(HelperAbuseTest::closeQuietly);

      String stalling = "{\"http_request\":\"https://127.0.0.1:" + trickle.port() + "/\",\"http_request_headers\":{},"
          + "\"tcp_connect\":[\"127.0.0.1:" + trickle.port() + "\"]}";
      ExecutorService clients = Executors.newFixedThreadPool(STALLING_REQUESTS);
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < STALLING_REQUESTS; i++) {
        statuses.add(clients.submit(() -> {
          try {
            return post(client, helper, stalling).statusCode();
          } catch (IOException closedOverTheCap) {
            return REFUSED;
          }
        }));
      }
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> f : statuses) {
        codes.add(f.get(60, TimeUnit.SECONDS));
      }
      clients.shutdown();
      assertThat(codes).isSubsetOf(200, 503, 504, REFUSED).contains(200);

      HttpResponse<String> normal = post(client, helper, "{\"http_request\":\"http://127.0.0.1:"
          + LoopbackServer.closedPort() + "/\",\"http_request_headers\":{},\"tcp_connect\":[]}");
      assertThat(normal.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(normal.body()).at("/http_request/failure").asText()).isEqualTo("connection_refused_error");

      assertThat(eventually(() -> helper.inflight() == 0)).as("no request slot held").isTrue();
      assertThat(eventually(() -> helper.measurementThreads() == 0)).as("measurement threads ended").isTrue();
      assertThat(eventually(() -> helperThreads() == idleThreads)).as("helper threads back to idle").isTrue();
      JsonNode health = JSON.readTree(get(client, helper, "/health").body());
      assertThat(health.get("refused_connections").asInt()).as("connections over the cap").isPositive();
      assertThat(log).anyMatch(l -> l.contains(" POST / 200 "));
      assertThat(log).noneMatch(l -> l.contains("127.0.0.1"));
      System.out.printf("helper abuse: %d slow connections (%d refused at the cap), %d stalling requests"
          + " (%d answered 200, %d 503, %d 504, %d closed at the cap), idle helper threads %d before and after%n",
          SLOW_CONNECTIONS, health.get("refused_connections").asInt(), STALLING_REQUESTS,
          codes.stream().filter(c -> c == 200).count(), codes.stream().filter(c -> c == 503).count(),
          codes.stream().filter(c -> c == 504).count(), codes.stream().filter(c -> c == REFUSED).count(), idleThreads);
    }
  }

  private static HttpResponse<String> post(HttpClient client, ControlServer helper, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(helper.url())).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(HttpClient client, ControlServer helper, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(helper.url().replaceAll("/$", "") + path))
        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Threads of the helper itself: its acceptor, HTTP workers and measurement threads. */
  private static int helperThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("msgprobe-helper")).count();
  }

  private static boolean closedByPeer(Socket s) {
    try {
      InputStream in = s.getInputStream();
      while (in.read() != -1) {
        // a 503 from the cap, then the end
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException resetOrClosed) {
      return true;
    }
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return condition.getAsBoolean();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // test cleanup
    }
  }
}
