package dev.msgprobe.net;

import dev.msgprobe.model.Body;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.HttpRequest;
import dev.msgprobe.model.HttpResponse;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.ResponseProgress;
import dev.msgprobe.trace.Trace;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * The WebSocket opening handshake (RFC 6455 §4) by hand over an established TLS connection: an
 * HTTP/1.1 GET with {@code Upgrade: websocket} and a random key. Success is a {@code 101} whose
 * {@code Sec-WebSocket-Accept} matches the key; any other status fails with
 * {@code http_unexpected_status_code}, a wrong accept value with {@code unknown_failure}, I/O errors
 * through the taxonomy. The timeout bounds each read and the whole upgrade: the whole bound passing
 * while bytes of the head were still arriving is {@link Failures#STILL_ARRIVING} (a read that waited a
 * whole timeout for nothing fails earlier or at the same time, as {@code generic_timeout_error}; with
 * one bound for both, a head cut after some bytes reads as still arriving, which a head of one segment
 * makes rare). Recorded as a {@code requests} entry, with its {@code x_response_progress}, and a
 * {@code websocket_upgrade} event.
 */
public final class WebSocketUpgrader {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  static final String BAD_ACCEPT = Failures.UNKNOWN + ": invalid Sec-WebSocket-Accept";

  private final Duration timeout;
  private final int timeoutMillis;
  private final int bodyCap;
  private final SecureRandom random = new SecureRandom();

  public WebSocketUpgrader(Duration timeout, int bodyCap) {
    this.timeout = timeout;
    this.timeoutMillis = Math.toIntExact(Math.max(1, timeout.toMillis()));
    this.bodyCap = bodyCap;
  }

  /**
   * Upgrades {@code socket} (left open; the caller closes it).
   *
   * @param url the endpoint URL, as recorded
   * @param host the {@code Host} header value ({@code host} or {@code host:port})
   * @param path the request target, e.g. {@code /websocket}
   * @param origin the {@code Origin} header value, e.g. {@code https://host}
   */
  public HttpTransaction upgrade(SSLSocket socket, String url, String host, String path, String origin, Trace trace,
      long transactionId, List<String> tags) {
    List<String> entryTags = List.copyOf(tags);
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String key = Base64.getEncoder().encodeToString(nonce);
    List<List<String>> requestHeaders = List.of(
        List.of("Host", host),
        List.of("Upgrade", "websocket"),
        List.of("Connection", "Upgrade"),
        List.of("Sec-WebSocket-Key", key),
        List.of("Sec-WebSocket-Version", "13"),
        List.of("Origin", origin),
        List.of("User-Agent", MeasurementHeaders.USER_AGENT));
    String address = IpEndpoint.join(socket.getInetAddress().getHostAddress(), socket.getPort());

    double t0 = trace.now();
    String failure = null;
    HttpResponse response = HttpResponse.NONE;
    Double sentAt = null;
    Double headAt = null;
    Arrivals arrivals = new Arrivals(trace);
    Watchdog watchdog = Watchdog.arm(socket, timeout);
    try (watchdog) {
      socket.setSoTimeout(timeoutMillis);
      write(socket.getOutputStream(), path, requestHeaders);
      sentAt = trace.now();
      InputStream in = new BufferedInputStream(arrivals.over(socket.getInputStream()));
      Http1Head head = Http1Head.read(in);
      headAt = trace.now();
      response = new HttpResponse(Body.EMPTY, false, head.code(), head.headers(),
          MeasurementHeaders.firstValues(head.headers()));
      if (head.code() != 101) {
        failure = Failures.HTTP_UNEXPECTED_STATUS_CODE;
        response = withBody(response, head, in);
      } else if (!expectedAccept(key).equals(head.header("Sec-WebSocket-Accept"))) {
        failure = BAD_ACCEPT;
      }
    } catch (IOException e) {
      if (watchdog.fired()) {
        failure = headAt == null && arrivals.lastAt() != null ? Failures.STILL_ARRIVING : Failures.GENERIC_TIMEOUT;
      } else {
        failure = FailureTaxonomy.classify(e);
      }
    }
    double t = trace.now();

    HttpRequest request = new HttpRequest(Body.EMPTY, false, requestHeaders,
        MeasurementHeaders.firstValues(requestHeaders), "GET", HttpRequest.Tor.NONE, "tcp", url);
    String alpn = socket.getApplicationProtocol();
    HttpTransaction transaction = new HttpTransaction("tcp", address, alpn == null || alpn.isEmpty() ? null : alpn,
        failure, request, response, t0, t, entryTags, transactionId,
        new ResponseProgress(sentAt, headAt, arrivals.lastAt(), bodyBytes(response)));
    trace.add(transaction);
    trace.add(new NetworkEvent(address, failure, null, "websocket_upgrade", "tcp", t0, t, entryTags, transactionId));
    return transaction;
  }

  static String expectedAccept(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  private static void write(OutputStream out, String path, List<List<String>> headers) throws IOException {
    StringBuilder head = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n");
    for (List<String> kv : headers) {
      head.append(kv.get(0)).append(": ").append(kv.get(1)).append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** The response with its body when the length is declared (capped); otherwise the body stays empty. */
  private HttpResponse withBody(HttpResponse response, Http1Head head, InputStream in) {
    long length = head.contentLength();
    if (length <= 0) {
      return response;
    }
    try {
      byte[] body = in.readNBytes((int) Math.min(length, bodyCap));
      return new HttpResponse(Body.of(body, length > bodyCap), length > bodyCap, response.code(), response.headersList(),
          response.headers());
    } catch (IOException e) {
      return response; // the status already fails the upgrade; a body cut short adds nothing to it
    }
  }

  /** The body bytes kept from a non-101 response (the head is all an upgrade reads otherwise). */
  private static long bodyBytes(HttpResponse response) {
    return response.body() == null ? 0 : response.body().length();
  }

  /** When the last byte of the response was read, over the decrypted stream (TLS records not counted). */
  private static final class Arrivals {
    private final Trace trace;
    private volatile Double lastAt;

    Arrivals(Trace trace) {
      this.trace = trace;
    }

    Double lastAt() {
      return lastAt;
    }

    InputStream over(InputStream in) {
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            lastAt = trace.now();
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
          int n = super.read(buffer, off, len);
          if (n > 0) {
            lastAt = trace.now();
          }
          return n;
        }
      };
    }
  }
}
