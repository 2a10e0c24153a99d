package dev.msgprobe.net;

import dev.msgprobe.model.Body;
import dev.msgprobe.model.HttpRequest;
import dev.msgprobe.model.HttpResponse;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * One HTTP request through OkHttp, its host pinned to a measured address (the URL keeps its name, so
 * Host and SNI are the real ones), with what makes a browser fast and a measurement wrong turned off:
 * no pool, no retries, no fast fallback, no proxy, no redirects (the caller follows them by hand).
 * Records a {@code requests} entry (OONI's default headers, body up to {@code bodyCap}) plus the
 * connection it opened (see {@link HttpTraceListener}). Timeouts: {@code timeout} per connect/read/write,
 * four times that for the whole call.
 */
public final class HttpFetcher {
  static final int CALL_TIMEOUTS = 4;
  private static final int CHUNK = 8192;

  private final OkHttpClient base;
  private final Trust trust;
  private final int bodyCap;

  public HttpFetcher(Trust trust, Duration timeout, int bodyCap) {
    this.trust = trust;
    this.bodyCap = bodyCap;
    this.base = MeasurementClients.builder(timeout).callTimeout(timeout.multipliedBy(CALL_TIMEOUTS)).build();
  }

  /**
   * Sends {@code method} to {@code url} (http or https) at {@code ip}, with an empty body for methods
   * that need one; never throws for network failures. The transaction gets a new transaction id.
   *
   * @throws IllegalArgumentException when {@code url} is not an http(s) URL or {@code ip} not an IP literal
   */
  public HttpFetch fetch(String url, String method, String ip, Trace trace, List<String> tags) {
    HttpUrl httpUrl = HttpUrl.parse(url);
    if (httpUrl == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + url);
    }
    InetAddress pinned = IpLiterals.parse(ip);
    long transactionId = trace.newTransaction();
    CapturingTrustManager capture = new CapturingTrustManager(trust.trustManager());
    HttpTraceListener listener = new HttpTraceListener(trace, transactionId, tags,
        httpUrl.isHttps() && !IpLiterals.isLiteral(httpUrl.host()) ? httpUrl.host() : null, capture);
    Request request = request(httpUrl, method);

    double t0 = trace.now();
    Received received = execute(client(httpUrl, pinned, capture, listener).newCall(request));
    double t = trace.now();

    Request sent = listener.sentRequest() != null ? listener.sentRequest() : request;
    List<List<String>> sentHeaders = MeasurementHeaders.list(sent.headers());
    HttpRequest recordedRequest = new HttpRequest(Body.EMPTY, false, sentHeaders,
        MeasurementHeaders.firstValues(sentHeaders), method, HttpRequest.Tor.NONE, "tcp", url);
    HttpTransaction transaction = new HttpTransaction("tcp", IpEndpoint.join(ip, httpUrl.port()),
        httpUrl.isHttps() ? listener.alpn() : null, received.failure(), recordedRequest, received.response(), t0, t,
        List.copyOf(tags), transactionId);
    trace.add(transaction);
    return new HttpFetch(transaction, received.location());
  }

  /** The measurement client for one call: {@code url}'s host pinned to {@code pinned}, its own (empty) pool. */
  private OkHttpClient client(HttpUrl url, InetAddress pinned, CapturingTrustManager capture,
      HttpTraceListener listener) {
    return base.newBuilder()
        .dns(host -> {
          if (host.equalsIgnoreCase(url.host())) {
            return List.of(pinned);
          }
          throw new UnknownHostException("only " + url.host() + " is pinned");
        })
        .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
        .sslSocketFactory(Trust.contextWith(capture).getSocketFactory(), trust.trustManager())
        .eventListener(listener)
        .build();
  }

  private static Request request(HttpUrl url, String method) {
    return new Request.Builder()
        .url(url)
        .method(method, needsBody(method) ? RequestBody.create(new byte[0], null) : null)
        .header("Accept", MeasurementHeaders.ACCEPT)
        .header("Accept-Language", MeasurementHeaders.ACCEPT_LANGUAGE)
        .header("User-Agent", MeasurementHeaders.USER_AGENT)
        .build();
  }

  /** The response (headers as received, body capped) and the failure, which may come after the headers. */
  private Received execute(Call call) {
    try (Response r = call.execute()) {
      Buffer kept = new Buffer();
      String failure = null;
      try {
        readCapped(r.body().source(), kept);
      } catch (IOException e) {
        failure = FailureTaxonomy.classify(e);
      }
      boolean truncated = kept.size() > bodyCap;
      Headers headers = r.networkResponse() != null ? r.networkResponse().headers() : r.headers();
      List<List<String>> headersList = MeasurementHeaders.list(headers);
      HttpResponse response = new HttpResponse(Body.of(kept.readByteArray(Math.min(kept.size(), bodyCap))),
          truncated, r.code(), headersList, MeasurementHeaders.firstValues(headersList));
      return new Received(response, redirectTarget(r), failure);
    } catch (IOException e) {
      return new Received(HttpResponse.NONE, null, FailureTaxonomy.classify(e));
    }
  }

  private record Received(HttpResponse response, String location, String failure) {}

  private void readCapped(BufferedSource source, Buffer kept) throws IOException {
    while (kept.size() <= bodyCap && source.read(kept, CHUNK) != -1) {
      // keep reading: one chunk past the cap tells that the body was truncated
    }
  }

  private static String redirectTarget(Response r) {
    String header = r.isRedirect() ? r.header("Location") : null;
    HttpUrl next = header == null ? null : r.request().url().resolve(header);
    return next == null ? null : next.toString();
  }

  private static boolean needsBody(String method) {
    return !method.equals("GET") && !method.equals("HEAD");
  }

  /** A recorded transaction, and where its 3xx points to (absolute URL), or null when it does not redirect. */
  public record HttpFetch(HttpTransaction transaction, String location) {
    public String failure() {
      return transaction.failure();
    }

    public int code() {
      return transaction.response().code();
    }
  }
}
