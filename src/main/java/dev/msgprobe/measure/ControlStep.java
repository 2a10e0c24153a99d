package dev.msgprobe.measure;

import dev.msgprobe.net.ControlJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.model.Body;
import dev.msgprobe.model.DnsAnswer;
import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Scheme;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.HttpRequest;
import dev.msgprobe.model.HttpResponse;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.LegacyFailures;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TcpStatus;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.net.IpEndpoint;
import dev.msgprobe.net.IpLiterals;
import dev.msgprobe.net.FailureTaxonomy;
import dev.msgprobe.net.MeasurementHeaders;
import dev.msgprobe.net.Trust;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Asks a control vantage speaking OONI's test-helper API (msgprobe's own helper, or OONI's) to
 * measure an endpoint from where it stands, and records its answer as observations tagged
 * {@code control} (docs/design/measurement.md), with the helper's legacy failure strings turned
 * into current ones. Every entry has the {@code t0}/{@code t} of the call to the helper.
 *
 * <p>The API measures URLs, so each endpoint is sent as one: http and https as written in the list;
 * wss as https with the same host, port and path; tls as {@code https://host:port/} and tcp as
 * {@code http://host:port/} (an explicit port makes the helper measure only that port; a helper does
 * its TLS handshake on 443 and, msgprobe's helper, on the explicit port of an https URL); dns as
 * {@code dns://host/}, for which a helper only resolves the name. What is recorded:
 * <ul>
 *   <li>the helper's DNS answer for a name host: a {@code queries} entry, engine {@code control},
 *       query type {@code ANY} (A and AAAA together), resolver address = the control URL; no
 *       addresses and no failure means {@code dns_no_answer};
 *   <li>its TCP connects on the endpoint's port ({@code tcp_connect}), for every scheme but dns;
 *   <li>its TLS handshakes on that port ({@code tls_handshakes}, no certificates), for https, tls, wss;
 *   <li>its fetch of the URL ({@code requests}), for http, https, wss: status code and headers, an
 *       empty body (marked truncated when the helper read one);
 *   <li>when the helper could not be asked (unreachable, an HTTP error status, a reply that is not
 *       JSON): one {@code requests} entry with the failure, request URL = the control URL, method
 *       POST and no response. It says nothing about the endpoint.
 * </ul>
 * Thread-safe.
 */
public final class ControlStep {
  private static final ObjectMapper JSON = ControlJson.MAPPER;
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final String ENGINE = "control";
  private static final List<String> TAGS = List.of(Tags.CONTROL);
  /** OONI's measurement headers (probe-cli internal/model/http.go), which a helper forwards. */
  private static final Map<String, String> PROBE_HEADERS = orderedMap(
      "Accept", MeasurementHeaders.ACCEPT,
      "Accept-Language", MeasurementHeaders.ACCEPT_LANGUAGE,
      "User-Agent", MeasurementHeaders.USER_AGENT);
  private static final String USER_AGENT = "msgprobe";
  /** OONI's failure for an HTTP error status (urlgetter), and for a reply that is not JSON. */
  private static final String HTTP_REQUEST_FAILED = "http_request_failed";
  private static final String JSON_PARSE_ERROR = "json_parse_error";
  /** A helper's reply is a few kilobytes; a longer one is cut and then fails to parse. */
  private static final long MAX_REPLY = 4L << 20;

  private final String controlUrl;
  private final String bearerToken;
  private final OkHttpClient client;

  /**
   * @param controlUrl the helper's base URL, e.g. {@code https://helper.example/}
   * @param timeout bounds the whole call (a helper itself spends up to about 15 s per step)
   * @param trust the CAs accepted for an https control URL
   * @param bearerTokenOrNull sent as {@code Authorization: Bearer ...} when not null; never recorded
   * @throws IllegalArgumentException when {@code controlUrl} is not an http or https URL
   */
  public ControlStep(String controlUrl, Duration timeout, Trust trust, String bearerTokenOrNull) {
    if (okhttp3.HttpUrl.parse(controlUrl) == null) {
      throw new IllegalArgumentException("the control URL must be an http or https URL: " + controlUrl);
    }
    this.controlUrl = controlUrl;
    this.bearerToken = bearerTokenOrNull;
    this.client = new OkHttpClient.Builder()
        .sslSocketFactory(trust.sslContext().getSocketFactory(), trust.trustManager())
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout)
        .build();
  }

  /**
   * Asks the helper about {@code endpoint} and records its answer in {@code trace}.
   *
   * @param probeAddresses the addresses this probe resolved for the endpoint's host (IP literals;
   *     others are left out); the helper connects to them as well as to its own
   */
  public void measure(Endpoint endpoint, List<String> probeAddresses, Trace trace) {
    String url = urlFor(endpoint);
    byte[] request = requestBody(url, endpoint, probeAddresses);
    double t0 = trace.now();
    ControlReply reply;
    try {
      reply = call(request);
    } catch (CallFailed e) {
      recordCallFailure(trace, t0, e.failure);
      return;
    }
    double t = trace.now();
    Scheme scheme = Scheme.fromWire(endpoint.scheme());
    if (reply.dns() != null && !endpoint.hostIsAddress()) {
      recordDns(trace, endpoint.host(), reply, t0, t);
    }
    if (scheme != Scheme.DNS) {
      recordConnections(trace, endpoint, reply, t0, t);
    }
    if (reply.http() != null && scheme != null && scheme.request() != Scheme.Request.NONE) {
      recordHttp(trace, url, reply.http(), t0, t);
    }
  }

  /** Whether a helper can say anything about {@code endpoint}: not about UDP (QUIC, STUN), which it does not speak. */
  public boolean understands(Endpoint endpoint) {
    Scheme scheme = Scheme.fromWire(endpoint.scheme());
    return scheme != Scheme.QUIC && scheme != Scheme.STUN;
  }

  /** The URL a helper is asked to measure for {@code endpoint} (see the class comment). */
  static String urlFor(Endpoint endpoint) {
    String host = IpEndpoint.bracketed(endpoint.host());
    Scheme scheme = Scheme.fromWire(endpoint.scheme());
    if (scheme == null) {
      return "dns://" + host + "/";
    }
    return switch (scheme) {
      case HTTP, HTTPS -> endpoint.url();
      case WSS -> "https://" + host + (endpoint.port() == 443 ? "" : ":" + endpoint.port()) + endpoint.path();
      case TLS -> "https://" + host + ":" + endpoint.port() + "/";
      case TCP -> "http://" + host + ":" + endpoint.port() + "/";
      case DNS, QUIC, STUN -> "dns://" + host + "/"; // a helper speaks no UDP: only its DNS view (see understands)
    };
  }

  private static byte[] requestBody(String url, Endpoint endpoint, List<String> probeAddresses) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    PROBE_HEADERS.forEach((name, value) -> headers.put(name, List.of(value)));
    List<String> connects = Scheme.fromWire(endpoint.scheme()) == Scheme.DNS ? List.of()
        : probeAddresses.stream().filter(IpLiterals::isLiteral).map(IpEndpoint::unbracketed).distinct()
            .map(ip -> IpEndpoint.join(ip, endpoint.port())).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("http_request", url);
    body.put("http_request_headers", headers);
    body.put("tcp_connect", connects);
    body.put("x_quic_enabled", false);
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("a map of strings cannot be written as JSON", e);
    }
  }

  private ControlReply call(byte[] body) throws CallFailed {
    Request.Builder request = new Request.Builder().url(controlUrl)
        .header("User-Agent", USER_AGENT)
        .post(RequestBody.create(body, JSON_TYPE));
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    byte[] reply;
    try (Response response = client.newCall(request.build()).execute()) {
      if (response.code() != 200) {
        throw new CallFailed(HTTP_REQUEST_FAILED);
      }
      reply = response.peekBody(MAX_REPLY).bytes();
    } catch (IOException e) {
      throw new CallFailed(FailureTaxonomy.classify(e));
    }
    try {
      return ControlReply.parse(reply);
    } catch (IOException e) {
      throw new CallFailed(JSON_PARSE_ERROR);
    }
  }

  private void recordCallFailure(Trace trace, double t0, String failure) {
    HttpRequest request = new HttpRequest(Body.EMPTY, false,
        List.of(List.of("Content-Type", JSON_TYPE.toString()), List.of("User-Agent", USER_AGENT)),
        orderedMap("Content-Type", JSON_TYPE.toString(), "User-Agent", USER_AGENT), "POST", HttpRequest.Tor.NONE,
        "tcp", controlUrl);
    trace.add(new HttpTransaction("tcp", null, null, failure, request, HttpResponse.NONE, t0, trace.now(), TAGS,
        trace.newTransaction()));
  }

  private void recordDns(Trace trace, String host, ControlReply reply, double t0, double t) {
    ControlReply.Dns dns = reply.dns();
    String failure = LegacyFailures.current(dns.failure());
    if (failure == null && dns.addrs().isEmpty()) {
      failure = Failures.DNS_NO_ANSWER;
    }
    List<DnsAnswer> answers = null;
    if (failure == null) {
      answers = new ArrayList<>();
      for (String ip : dns.addrs()) {
        Long asn = reply.asns().get(ip);
        Long knownAsn = asn == null || asn <= 0 || asn > 0xFFFF_FFFFL ? null : asn;
        boolean v6 = ip.indexOf(':') >= 0;
        answers.add(new DnsAnswer(v6 ? "AAAA" : "A", knownAsn, null, null, v6 ? null : ip, v6 ? ip : null, null));
      }
    }
    trace.add(new DnsQuery(answers, ENGINE, failure, host, "ANY", null, null, controlUrl, null, null, t0, t, TAGS,
        trace.newTransaction()));
  }

  /** The helper's TCP connects and TLS handshakes on the endpoint's port; one transaction per {@code ip:port}. */
  private static void recordConnections(Trace trace, Endpoint endpoint, ControlReply reply, double t0, double t) {
    reply.tcpConnect().forEach((address, tcp) -> {
      String ip = hostOf(address, endpoint.port());
      if (ip == null) {
        return;
      }
      long transaction = trace.newTransaction();
      String failure = LegacyFailures.current(tcp.failure());
      if (!tcp.status() && failure == null) {
        failure = Failures.UNKNOWN;
      }
      trace.add(new TcpConnect(ip, endpoint.port(), TcpStatus.of(failure), t0, t, TAGS, transaction));
      ControlReply.Tls tls = reply.tlsHandshake().get(address);
      if (tls != null && endpoint.usesTls()) {
        String tlsFailure = LegacyFailures.current(tls.failure());
        if (!tls.status() && tlsFailure == null) {
          tlsFailure = Failures.SSL_FAILED_HANDSHAKE;
        }
        trace.add(new TlsHandshake("tcp", address, null, tlsFailure, null, false, List.of(), tls.serverName(), t0, t,
            TAGS, null, transaction));
      }
    });
  }

  private static void recordHttp(Trace trace, String url, ControlReply.Http http, double t0, double t) {
    List<List<String>> requestHeaders = new ArrayList<>();
    PROBE_HEADERS.forEach((name, value) -> requestHeaders.add(List.of(name, value)));
    HttpRequest request = new HttpRequest(Body.EMPTY, false, requestHeaders, PROBE_HEADERS, "GET",
        HttpRequest.Tor.NONE, "tcp", url);
    HttpResponse response = HttpResponse.NONE;
    if (http.statusCode() > 0) {
      List<List<String>> headersList = new ArrayList<>();
      http.headers().forEach((name, value) -> headersList.add(List.of(name, value)));
      response = new HttpResponse(Body.EMPTY, http.bodyLength() > 0, http.statusCode(), headersList, http.headers());
    }
    trace.add(new HttpTransaction("tcp", null, null, LegacyFailures.current(http.failure()), request, response, t0,
        t, TAGS, trace.newTransaction()));
  }

  /** The IP of {@code ip:port} (brackets around IPv6) when the port is {@code port}, else null. */
  private static String hostOf(String address, int port) {
    return IpEndpoint.tryParse(address).filter(e -> e.port() == port).map(IpEndpoint::ip).orElse(null);
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /** The helper could not be asked; {@code failure} is why. */
  private static final class CallFailed extends Exception {
    final String failure;

    CallFailed(String failure) {
      super(failure, null, false, false);
      this.failure = failure;
    }
  }
}
