package dev.msgprobe.helper;

import dev.msgprobe.net.ControlJson;
import dev.msgprobe.net.IpEndpoint;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.msgprobe.net.HttpExchanges;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
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
  private final ExecutorService connections = Executors.newCachedThreadPool(HttpExchanges.daemon("msgprobe-helper-http"));
  private final ExecutorService work = Executors.newCachedThreadPool(HttpExchanges.daemon("msgprobe-helper"));
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
        HttpExchanges.reply(exchange, 401, HttpExchanges.error("a bearer token is required"));
      } else if (exchange.getRequestMethod().equals("GET")) {
        HttpExchanges.reply(exchange, 200, HEALTH);
      } else if (exchange.getRequestMethod().equals("POST")) {
        post(exchange);
      } else {
        exchange.getResponseHeaders().set("Allow", "GET, POST");
        HttpExchanges.reply(exchange, 405, HttpExchanges.error("only GET and POST"));
      }
    }
  }

  private void post(HttpExchange exchange) throws IOException {
    byte[] body = HttpExchanges.readBody(exchange, config.maxRequestBytes());
    if (body == null) {
      HttpExchanges.reply(exchange, 413, HttpExchanges.error("the request body is over " + config.maxRequestBytes() + " bytes"));
      return;
    }
    ThRequest request;
    try {
      request = JSON.readValue(body, ThRequest.class);
    } catch (IOException e) {
      HttpExchanges.reply(exchange, 400, HttpExchanges.error("the body is not a test-helper request"));
      return;
    }
    if (request == null || request.httpRequest() == null) {
      HttpExchanges.reply(exchange, 400, HttpExchanges.error("http_request is missing"));
      return;
    }
    if (!inflight.tryAcquire()) {
      HttpExchanges.reply(exchange, 503, HttpExchanges.error("too many requests in flight"));
      return;
    }
    try {
      Future<ThResponse> answer = work.submit(() -> measurement.measure(request));
      HttpExchanges.reply(exchange, 200, JSON.writeValueAsBytes(await(answer)));
    } catch (IllegalArgumentException badUrl) {
      HttpExchanges.reply(exchange, 400, HttpExchanges.error(badUrl.getMessage()));
    } catch (TimeoutException e) {
      HttpExchanges.reply(exchange, 504, HttpExchanges.error("the measurement took longer than " + config.requestLimit().toSeconds() + " s"));
    } catch (IllegalStateException e) {
      HttpExchanges.reply(exchange, 500, HttpExchanges.error("the measurement failed"));
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
    return HttpExchanges.sameSecret(HttpExchanges.bearer(exchange), config.token());
  }
}
