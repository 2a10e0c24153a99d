package dev.msgprobe.helper;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.helper.HttpFront.Request;
import dev.msgprobe.helper.HttpFront.Response;
import dev.msgprobe.net.ControlJson;
import dev.msgprobe.net.IpEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The control vantage (docs/contract/helper.md): a plain-HTTP server answering OONI's web-connectivity test-helper
 * API on any path. {@code GET} is the health check ({@code {"message":"Hello OONItarian!"}}), and
 * {@code GET /health} the operator's (limits and current load); {@code POST} with a {@link ThRequest}
 * body is measured like oohelperd and answered with a {@link ThResponse}. Safety: with a token, a
 * request without {@code Authorization: Bearer <token>} gets 401; another method 405; a body over the
 * size limit 413; a body that is not a request 400; more requests than {@code maxInflight} at once 503;
 * a measurement over the request limit 504. The HTTP side is bounded by {@link HttpFront} (connection
 * cap, read deadline), the measuring side by a {@link MeasurementPool} of fixed size where a request's
 * slot is freed only when all its threads have ended. Forbidden addresses are never connected to
 * unless allowed. One log line per request, client addresses only when configured. TLS for clients
 * belongs to a reverse proxy in front.
 */
public final class ControlServer implements AutoCloseable {
  private static final ObjectMapper JSON = ControlJson.MAPPER;
  private static final byte[] HELLO = "{\"message\":\"Hello OONItarian!\"}".getBytes(StandardCharsets.UTF_8);
  /** Threads one request may need at once: its root, two DNS queries, every TCP/TLS check, the fetch and its DNS. */
  static final int THREADS_PER_REQUEST = 1 + 2 + AddressPlan.MAX_ENDPOINTS + 1 + 2;

  private final HelperConfig config;
  private final MeasurementPool work;
  private final Semaphore inflight;
  private final ControlMeasurement measurement;
  private final Consumer<String> log;
  private final Clock clock;
  private final HttpFront front;

  private ControlServer(HelperConfig config, Consumer<String> log, Clock clock) throws IOException {
    this.config = config;
    this.log = log;
    this.clock = clock;
    this.inflight = new Semaphore(config.maxInflight());
    this.work = new MeasurementPool(config.maxInflight() * THREADS_PER_REQUEST);
    this.measurement = new ControlMeasurement(config, work);
    this.front = new HttpFront(config.listen(), config.maxConnections(), config.readLimit(),
        config.maxRequestBytes(), this::handle, this::logRequest);
  }

  /**
   * Binds {@code config.listen()} and starts serving, without a request log.
   *
   * @throws IOException when the address cannot be bound
   */
  public static ControlServer start(HelperConfig config) throws IOException {
    return start(config, line -> { }, Clock.systemUTC());
  }

  /** Like {@link #start(HelperConfig)}, each request's log line handed to {@code log}. */
  public static ControlServer start(HelperConfig config, Consumer<String> log, Clock clock) throws IOException {
    return new ControlServer(config, log, clock);
  }

  /** The address actually bound (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return front.address();
  }

  /** {@code http://HOST:PORT/}: the listen address's host (IPv6 in brackets) and the bound port. */
  public String url() {
    String host = config.listen().getHostString();
    return "http://" + IpEndpoint.join(host, address().getPort()) + "/";
  }

  /** Requests being measured now (their slot is held until every thread of theirs has ended). */
  public int inflight() {
    return config.maxInflight() - inflight.availablePermits();
  }

  /** Measurement threads alive now. */
  public int measurementThreads() {
    return work.threads();
  }

  /** Stops accepting, drops requests in flight. */
  @Override
  public void close() {
    front.close();
    work.shutdownNow();
  }

  private Response handle(Request request) {
    if (!authorized(request)) {
      return new Response(401, Map.of("WWW-Authenticate", "Bearer"), error("a bearer token is required"));
    }
    if (request.method().equals("GET")) {
      return Response.json(200, request.path().equals("/health") ? health() : HELLO);
    }
    if (request.method().equals("POST")) {
      return post(request.body());
    }
    return new Response(405, Map.of("Allow", "GET, POST"), error("only GET and POST"));
  }

  private Response post(byte[] body) {
    ThRequest request;
    try {
      request = JSON.readValue(body, ThRequest.class);
    } catch (IOException e) {
      return Response.json(400, error("the body is not a test-helper request"));
    }
    if (request == null || request.httpRequest() == null) {
      return Response.json(400, error("http_request is missing"));
    }
    if (!inflight.tryAcquire()) {
      return Response.json(503, error("too many requests in flight"));
    }
    Future<ThResponse> answer;
    try {
      answer = work.submitRequest(() -> measurement.measure(request), inflight::release);
    } catch (RuntimeException shutDown) {
      inflight.release();
      return Response.json(503, error("the helper is stopping"));
    }
    try {
      return Response.json(200, JSON.writeValueAsBytes(await(answer)));
    } catch (IllegalArgumentException badUrl) {
      return Response.json(400, error(badUrl.getMessage()));
    } catch (TimeoutException e) {
      return Response.json(504, error("the measurement took longer than " + config.requestLimit().toSeconds() + " s"));
    } catch (IllegalStateException | IOException e) {
      return Response.json(500, error("the measurement failed"));
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

  private byte[] health() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("status", "ok");
    h.put("inflight", inflight());
    h.put("max_inflight", config.maxInflight());
    h.put("open_connections", front.openConnections());
    h.put("max_connections", config.maxConnections());
    h.put("refused_connections", front.refusedConnections());
    h.put("measurement_threads", work.threads());
    h.put("request_limit_seconds", config.requestLimit().toMillis() / 1000.0);
    h.put("read_limit_seconds", config.readLimit().toMillis() / 1000.0);
    try {
      return JSON.writeValueAsBytes(h);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void logRequest(Request request, int status, long nanos) {
    String client = config.logClients() && request.client() != null ? " client=" + request.client().getHostAddress() : "";
    log.accept(clock.instant() + " " + request.method() + " " + request.path() + " " + (status == 0 ? "-" : status)
        + " " + TimeUnit.NANOSECONDS.toMillis(nanos) + "ms" + client);
  }

  private boolean authorized(Request request) {
    if (config.token() == null) {
      return true;
    }
    String given = request.header("Authorization");
    byte[] expected = ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8);
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected);
  }

  private static byte[] error(String message) {
    try {
      return JSON.writeValueAsBytes(Map.of("error", message));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
