package dev.msgprobe.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks an HTTPS address-echo URL for the probe's public address: one GET with the measurement client
 * (no redirect followed, every step bounded by the timeout), at most {@link #BODY_CAP} bytes of the
 * answer read, and the first IP literal in them taken, whether the body is plain text
 * ({@code 203.0.113.7}) or JSON ({@code {"ip":"203.0.113.7"}}). The URL's host is resolved by the
 * system resolver; the body's text never is.
 */
public final class HttpsAddressEcho {
  static final int BODY_CAP = 4096;

  private final OkHttpClient client;

  public HttpsAddressEcho(Trust trust, Duration timeout) {
    this.client = MeasurementClients.builder(timeout)
        .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
        .sslSocketFactory(trust.sslContext().getSocketFactory(), trust.trustManager())
        .build();
  }

  /** True when {@code url} is a well-formed https URL. */
  public static boolean isHttpsUrl(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    return parsed != null && parsed.isHttps();
  }

  /**
   * The address the echo saw.
   *
   * @throws IOException saying why when the echo cannot be reached, does not answer 200, or names no address
   * @throws IllegalArgumentException when {@code url} is not an https URL
   */
  public InetAddress ask(String url) throws IOException {
    if (!isHttpsUrl(url)) {
      throw new IllegalArgumentException("not an https URL: " + url);
    }
    Request request = new Request.Builder().url(url).header("Accept", "text/plain, application/json").build();
    byte[] body;
    try (Response response = client.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IOException("answered HTTP " + response.code());
      }
      try (InputStream in = response.body().byteStream()) {
        body = in.readNBytes(BODY_CAP);
      }
    }
    return firstAddress(new String(body, StandardCharsets.ISO_8859_1))
        .orElseThrow(() -> new IOException("the answer names no IP address"));
  }

  /**
   * The first IP literal among the runs of hex digits, dots and colons in {@code text}; the
   * unspecified addresses ({@code 0.0.0.0}, {@code ::}) are nobody's and are skipped.
   */
  static Optional<InetAddress> firstAddress(String text) {
    for (String token : text.split("[^0-9A-Fa-f:.]+")) {
      if (!token.isEmpty() && IpLiterals.isLiteral(token)) {
        InetAddress address = IpLiterals.parse(token);
        if (!address.isAnyLocalAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
