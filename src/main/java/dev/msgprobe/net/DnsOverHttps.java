package dev.msgprobe.net;

import dev.msgprobe.model.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.xbill.DNS.Message;

/**
 * DNS over HTTPS (RFC 8484): {@code POST application/dns-message} with query ID 0, over OkHttp with
 * no connection reuse, no retries, no redirects. The server is reached by IP: the URL's host is an
 * IP literal, or a name found in the caller's bootstrap map (never resolved through any DNS). TLS is
 * validated with {@link Trust}, the name or IP of the URL checked against the certificate. A non-200
 * status, another content type or an unparsable body is {@code dns_server_misbehaving}; I/O errors
 * map to OONI failures (refused, reset, timeout, TLS). Thread-safe.
 */
public final class DnsOverHttps implements DnsTransport {
  private static final MediaType DNS_MESSAGE = MediaType.get("application/dns-message");
  private static final int MAX_MESSAGE = 65_535;

  private final HttpUrl url;
  private final List<InetAddress> bootstrap;
  private final Trust trust;
  private final Duration timeout;
  private final OkHttpClient base;

  /**
   * @param bootstrap addresses for URL hosts that are names (ignored for IP-literal hosts)
   * @throws IllegalArgumentException when {@code url} is not an https URL, or its host is a name
   *     with no address in {@code bootstrap}
   */
  public DnsOverHttps(String url, Map<String, List<InetAddress>> bootstrap, Trust trust, Duration timeout) {
    this.url = HttpUrl.get(url);
    if (!this.url.isHttps()) {
      throw new IllegalArgumentException("DoH needs an https URL: " + url);
    }
    String host = this.url.host();
    if (IpLiterals.bytes(host) != null) {
      this.bootstrap = List.of();
    } else {
      this.bootstrap = List.copyOf(bootstrap.getOrDefault(host, List.of()));
      if (this.bootstrap.isEmpty()) {
        throw new IllegalArgumentException("DoH host " + host + " is not an IP and has no bootstrap address");
      }
    }
    this.trust = trust;
    this.timeout = timeout;
    this.base = MeasurementClients.builder(timeout).build();
  }

  /** The URL as OONI's {@code resolver_address}. */
  public String url() {
    return url.toString();
  }

  @Override
  public DnsExchange exchange(String hostname, DnsQueryType type, DoubleSupplier clock) {
    Message query = DnsMessages.query(hostname, type);
    query.getHeader().setID(0);
    DnsReplyRecorder recorder = new DnsReplyRecorder("doh", url(), hostname, type, clock);
    Request request = new Request.Builder()
        .url(url)
        .header("Accept", DNS_MESSAGE.toString())
        .post(RequestBody.create(query.toWire(), DNS_MESSAGE))
        .build();
    byte[] wire;
    try (Response response = newClient().newCall(request).execute()) {
      MediaType contentType = response.body().contentType();
      if (response.code() != 200 || contentType == null || !DNS_MESSAGE.type().equals(contentType.type())
          || !DNS_MESSAGE.subtype().equals(contentType.subtype())) {
        return recorder.failed(Failures.DNS_SERVER_MISBEHAVING);
      }
      try (InputStream body = response.body().byteStream()) {
        wire = body.readNBytes(MAX_MESSAGE + 1);
      }
    } catch (IOException e) {
      return recorder.failed(FailureTaxonomy.classify(e));
    }
    if (wire.length > MAX_MESSAGE) {
      return recorder.failed(Failures.DNS_SERVER_MISBEHAVING);
    }
    return recorder.reply(query, wire);
  }

  /** A client of its own per exchange: a fresh pool keeping no idle connection, fresh TLS sessions. */
  private OkHttpClient newClient() {
    return base.newBuilder()
        .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
        .sslSocketFactory(trust.sslContext().getSocketFactory(), trust.trustManager())
        .dns(name -> {
          if (name.equals(url.host())) {
            return bootstrap;
          }
          throw new UnknownHostException("DoH resolves no name but its own: " + name);
        })
        .build();
  }
}
