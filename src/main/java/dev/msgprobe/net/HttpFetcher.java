package dev.msgprobe.net;

import dev.msgprobe.model.Body;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.HttpRequest;
import dev.msgprobe.model.HttpResponse;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.ResponseProgress;
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
  /** OkHttp's limit on a response head (status line and headers). */
  static final int HEAD_LIMIT = 256 * 1024;
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
    CountingSocketFactory sockets = new CountingSocketFactory();
    BodyReads reads = new BodyReads(trace);
    Received received = overLimit(execute(client(httpUrl, pinned, capture, listener, sockets).newCall(request),
        listener, reads), sockets.received());
    double t = trace.now();

    Request sent = listener.sentRequest() != null ? listener.sentRequest() : request;
    List<List<String>> sentHeaders = MeasurementHeaders.list(sent.headers());
    HttpRequest recordedRequest = new HttpRequest(Body.EMPTY, false, sentHeaders,
        MeasurementHeaders.firstValues(sentHeaders), method, HttpRequest.Tor.NONE, "tcp", url);
    HttpTransaction transaction = new HttpTransaction("tcp", IpEndpoint.join(ip, httpUrl.port()),
        httpUrl.isHttps() ? listener.alpn() : null, received.failure(), recordedRequest, received.response(), t0, t,
        List.copyOf(tags), transactionId, reads.progress(listener));
    trace.add(transaction);
    return new HttpFetch(transaction, received.location());
  }

  /** The measurement client for one call: {@code url}'s host pinned to {@code pinned}, its own (empty) pool. */
  private OkHttpClient client(HttpUrl url, InetAddress pinned, CapturingTrustManager capture,
      HttpTraceListener listener, CountingSocketFactory sockets) {
    return base.newBuilder()
        .socketFactory(sockets)
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

  /**
   * The response (headers as received, body capped) and the failure, which may come after the headers.
   * The call's deadline cutting a response whose request went out, no read having timed out, is
   * {@link Failures#STILL_ARRIVING}: data slow from the start, not a stall.
   */
  private Received execute(Call call, HttpTraceListener listener, BodyReads reads) {
    try (Response r = call.execute()) {
      Buffer kept = new Buffer();
      String failure = null;
      try {
        readCapped(r.body().source(), kept, reads);
      } catch (IOException e) {
        failure = FailureTaxonomy.isCallDeadline(e) ? Failures.STILL_ARRIVING : FailureTaxonomy.classify(e);
      }
      boolean truncated = kept.size() > bodyCap;
      Headers headers = r.networkResponse() != null ? r.networkResponse().headers() : r.headers();
      List<List<String>> headersList = MeasurementHeaders.list(headers);
      HttpResponse response = new HttpResponse(Body.of(kept.readByteArray(Math.min(kept.size(), bodyCap)), truncated),
          truncated, r.code(), headersList, MeasurementHeaders.firstValues(headersList));
      return new Received(response, redirectTarget(r), failure);
    } catch (IOException e) {
      boolean slow = listener.requestSentAt() != null && FailureTaxonomy.isCallDeadline(e);
      return new Received(HttpResponse.NONE, null, slow ? Failures.STILL_ARRIVING : FailureTaxonomy.classify(e));
    }
  }

  private record Received(HttpResponse response, String location, String failure) {}

  /**
   * OkHttp gives up on a response head over {@link #HEAD_LIMIT} with an EOF error; when the server had
   * sent at least that much without a parsable head, the failure is the server's oversized head, not
   * an end of stream, and says so (an {@code unknown_failure}: no network interruption).
   */
  private static Received overLimit(Received r, long receivedBytes) {
    if (Failures.EOF.equals(r.failure()) && r.response().code() <= 0 && receivedBytes >= HEAD_LIMIT) {
      return new Received(r.response(), r.location(), "unknown_failure: the response head passed the client's "
          + HEAD_LIMIT / 1024 + " KiB limit (" + receivedBytes + " bytes received)");
    }
    return r;
  }

  /** Reads up to one chunk past the cap (which tells that the body was truncated), counting every read. */
  private void readCapped(BufferedSource source, Buffer kept, BodyReads reads) throws IOException {
    long n;
    while (kept.size() <= bodyCap && (n = source.read(kept, CHUNK)) != -1) {
      reads.read(n);
    }
  }

  /** The body bytes read so far and when the last of them came. */
  private static final class BodyReads {
    private final Trace trace;
    private long bytes;
    private Double lastAt;

    BodyReads(Trace trace) {
      this.trace = trace;
    }

    void read(long n) {
      if (n > 0) {
        bytes += n;
        lastAt = trace.now();
      }
    }

    /** The response's progress: the listener's request and head times, then these reads. */
    ResponseProgress progress(HttpTraceListener listener) {
      Double head = listener.headAt();
      Double last = lastAt != null ? lastAt : head;
      return new ResponseProgress(listener.requestSentAt(), head, last, bytes);
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
