package dev.msgprobe.helper;

import dev.msgprobe.net.ControlJson;
import dev.msgprobe.net.IpEndpoint;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The control vantage (docs/contract/helper.md): a plain-HTTP server answering OONI's web-connectivity test-helper
 * API on any path. {@code GET} is the health check ({@code {"message":"Hello OONItarian!"}});
 * {@code POST} with a {@link ThRequest} body is measured like oohelperd and answered with a
 * {@link ThResponse}. Safety: with a token, a request without {@code Authorization: Bearer <token>}
 * gets 401; another method 405; a body over the size limit 413; a body that is not a request 400;
 * more requests than {@code maxInflight} at once 503; a measurement over the request limit 504.
 * Bogon addresses are never connected to unless allowed. TLS for clients belongs to a reverse proxy
 * in front.
 */
public final class ControlServer implements AutoCloseable {
  private static final ObjectMapper JSON = ControlJson.MAPPER;
  private static final byte[] HEALTH = "{\"message\":\"Hello OONItarian!\"}".getBytes(StandardCharsets.UTF_8);

  private final HelperConfig config;
  private final HttpServer server;
  private final ExecutorService connections = Executors.newCachedThreadPool(daemon("msgprobe-helper-http"));
  private final ExecutorService work = Executors.newCachedThreadPool(daemon("msgprobe-helper"));
  private final Semaphore inflight;
  private final ControlMeasurement measurement;

  private ControlServer(HelperConfig config) throws IOException {
    this.config = config;
    this.inflight = new Semaphore(config.maxInflight());
    this.measurement = new ControlMeasurement(config, work);
    this.server = HttpServer.create(config.listen(), 64);
    server.createContext("/", this::handle);
    server.setExecutor(connections);
  }

  /**
   * Binds {@code config.listen()} and starts serving.
   *
   * @throws IOException when the address cannot be bound
   */
  public static ControlServer start(HelperConfig config) throws IOException {
    ControlServer control = new ControlServer(config);
    control.server.start();
    return control;
  }

  /** The address actually bound (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** {@code http://HOST:PORT/}: the listen address's host (IPv6 in brackets) and the bound port. */
  public String url() {
    String host = config.listen().getHostString();
    return "http://" + IpEndpoint.join(host, address().getPort()) + "/";
  }

  /** Stops accepting, drops requests in flight. */
  @Override
  public void close() {
    server.stop(0);
    work.shutdownNow();
    connections.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!authorized(exchange)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        reply(exchange, 401, error("a bearer token is required"));
      } else if (exchange.getRequestMethod().equals("GET")) {
        reply(exchange, 200, HEALTH);
      } else if (exchange.getRequestMethod().equals("POST")) {
        post(exchange);
      } else {
        exchange.getResponseHeaders().set("Allow", "GET, POST");
        reply(exchange, 405, error("only GET and POST"));
      }
    }
  }

  private void post(HttpExchange exchange) throws IOException {
    byte[] body = readBody(exchange);
    if (body == null) {
      reply(exchange, 413, error("the request body is over " + config.maxRequestBytes() + " bytes"));
      return;
    }
    ThRequest request;
    try {
      request = JSON.readValue(body, ThRequest.class);
    } catch (IOException e) {
      reply(exchange, 400, error("the body is not a test-helper request"));
      return;
    }
    if (request == null || request.httpRequest() == null) {
      reply(exchange, 400, error("http_request is missing"));
      return;
    }
    if (!inflight.tryAcquire()) {
      reply(exchange, 503, error("too many requests in flight"));
      return;
    }
    try {
      Future<ThResponse> answer = work.submit(() -> measurement.measure(request));
      reply(exchange, 200, JSON.writeValueAsBytes(await(answer)));
    } catch (IllegalArgumentException badUrl) {
      reply(exchange, 400, error(badUrl.getMessage()));
    } catch (TimeoutException e) {
      reply(exchange, 504, error("the measurement took longer than " + config.requestLimit().toSeconds() + " s"));
    } catch (IllegalStateException e) {
      reply(exchange, 500, error("the measurement failed"));
    } finally {
      inflight.release();
    }
  }

  private ThResponse await(Future<ThResponse> answer) throws TimeoutException {
    try {
      return answer.get(config.requestLimit().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw e;
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IllegalArgumentException bad) {
        throw bad;
      }
      throw new IllegalStateException("the measurement failed", e.getCause());
    }
  }

  private boolean authorized(HttpExchange exchange) {
    if (config.token() == null) {
      return true;
    }
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    byte[] expected = ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8);
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected);
  }

  /** The body, or null when it is longer than the limit (a declared length over it is not read at all). */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
        && Long.parseLong(declared) > config.maxRequestBytes()) {
      return null;
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(config.maxRequestBytes() + 1);
      return body.length > config.maxRequestBytes() ? null : body;
    }
  }

  private static byte[] error(String message) throws IOException {
    return JSON.writeValueAsBytes(Map.of("error", message));
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
