package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.Transfer;
import dev.msgprobe.net.HttpFetcher;
import dev.msgprobe.net.HttpFetcher.HttpFetch;
import dev.msgprobe.net.IpLiterals;
import dev.msgprobe.net.Sockets;
import dev.msgprobe.net.TcpDialer;
import dev.msgprobe.net.TcpDialer.Dialed;
import dev.msgprobe.net.TlsHandshaker;
import dev.msgprobe.net.TlsHandshaker.Secured;
import dev.msgprobe.net.TransferProbe;
import dev.msgprobe.net.Trust;
import dev.msgprobe.net.WebSocketUpgrader;
import dev.msgprobe.trace.Trace;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLSocket;
import okhttp3.HttpUrl;

/**
 * Steps 1–7 of docs/design/measurement.md, shared by the plans. Each step records what it did and
 * returns what the next one needs (null when there is nothing to go on with). Each step checks the
 * thread's interrupt flag first and does nothing once it is set.
 */
final class Steps {
  /** At most this many addresses are connected to, and validated. */
  static final int MAX_ADDRESSES = 2;
  static final List<String> ALPN_WEB = List.of("h2", "http/1.1");
  /** WebSocket and the transfer speak HTTP/1.1 on the connection, so they offer only that. */
  static final List<String> ALPN_HTTP1 = List.of("http/1.1");
  static final Duration MAX_STALL_WINDOW = Duration.ofSeconds(3);
  /** A transfer may last this many timeouts. */
  static final int TRANSFER_TIMEOUTS = 3;
  static final Duration SAMPLE_INTERVAL = Duration.ofMillis(250);

  private final MeasureConfig config;
  private final HostResolver resolver;
  private final Sleeper sleeper;
  private final int validatePort;
  private final TcpDialer dialer;
  private final TlsHandshaker handshaker;
  private final HttpFetcher http;
  private final WebSocketUpgrader webSocket;
  private final TransferProbe transfer;

  Steps(MeasureConfig config, HostResolver resolver, Trust trust, Sleeper sleeper, int validatePort) {
    this.config = config;
    this.resolver = resolver;
    this.sleeper = sleeper;
    this.validatePort = validatePort;
    Duration timeout = config.timeout();
    this.dialer = new TcpDialer(timeout);
    this.handshaker = new TlsHandshaker(trust, timeout);
    this.http = new HttpFetcher(trust, timeout, config.bodyCap());
    this.webSocket = new WebSocketUpgrader(timeout, config.bodyCap());
    Duration stallWindow = timeout.compareTo(MAX_STALL_WINDOW) < 0 ? timeout : MAX_STALL_WINDOW;
    this.transfer = new TransferProbe(timeout, stallWindow, timeout.multipliedBy(TRANSFER_TIMEOUTS), SAMPLE_INTERVAL);
  }

  /** An open connection (plain or TLS) to a target, and the transaction it was opened under. */
  record Connection(Socket socket, Target target, long transactionId) {}

  /** The resolver under test only: the whole {@code dns} scheme. */
  void resolveOnly(Endpoint e, Trace trace) {
    if (!e.hostIsAddress() && !interrupted()) {
      resolver.resolve(e.host(), trace);
    }
  }

  /**
   * Steps 1–2: DNS, then the addresses to measure: the usable system ones, else the trusted ones
   * (tagged {@code trusted-address}), at most {@link #MAX_ADDRESSES}; and one {@code validate}
   * handshake per usable system address DoH did not return (at most {@link #MAX_ADDRESSES}).
   */
  List<Target> targets(Endpoint e, Trace trace) {
    if (e.hostIsAddress()) {
      return List.of(new Target(e.host(), List.of()));
    }
    if (interrupted()) {
      return List.of();
    }
    Resolution resolution = resolver.resolve(e.host(), trace);
    for (String ip : first(resolution.unconfirmedSystemAddresses())) {
      if (!interrupted()) {
        Target unconfirmed = new Target(ip, List.of(Tags.VALIDATE));
        close(open(unconfirmed, unconfirmed.tags(), validatePort, e.host(), e.host(), ALPN_WEB, trace));
      }
    }
    if (!resolution.usableSystemAddresses().isEmpty()) {
      return first(resolution.usableSystemAddresses()).stream().map(ip -> new Target(ip, List.of())).toList();
    }
    return first(resolution.trustedAddresses()).stream()
        .map(ip -> new Target(ip, List.of(Tags.TRUSTED_ADDRESS))).toList();
  }

  /** Step 3: a TCP connect to each target, a failed one retried once; the first connection, the others closed. */
  Connection connect(List<Target> targets, int port, Trace trace) {
    Connection first = null;
    for (Target target : targets) {
      if (interrupted()) {
        break;
      }
      Connection c = dial(target, target.tags(), port, trace);
      if (c == null && pause()) {
        c = dial(target, target.tagsWith(Tags.RETRY), port, trace);
      }
      if (first == null) {
        first = c;
      } else {
        close(c);
      }
    }
    return first;
  }

  /**
   * Step 4: TLS over {@code tcp} with SNI = host (none for an IP literal). On failure: one
   * {@code retry} on a new connection, then {@code decoy-sni} and (when an SNI was sent) {@code no-sni}
   * handshakes to the same address. Returns the TLS connection that worked (main or retry), or null.
   */
  Connection secure(Connection tcp, Endpoint e, List<String> alpn, Trace trace) {
    Target target = tcp.target();
    String sni = serverName(e);
    Secured main = handshaker.handshake(tcp.socket(), IpLiterals.hostPort(target.ip(), e.port()), sni, e.host(), alpn,
        trace, tcp.transactionId(), target.tags());
    if (main.ok()) {
      return new Connection(main.socket(), target, tcp.transactionId());
    }
    Connection retry = pause() ? open(target, target.tagsWith(Tags.RETRY), e.port(), sni, e.host(), alpn, trace) : null;
    if (!interrupted()) {
      String decoy = config.decoySni();
      close(open(target, target.tagsWith(Tags.DECOY_SNI), e.port(), decoy, decoy, alpn, trace));
    }
    if (sni != null && !interrupted()) {
      close(open(target, target.tagsWith(Tags.NO_SNI), e.port(), null, e.host(), alpn, trace));
    }
    return retry;
  }

  /**
   * Step 5: the endpoint's request at the target's address, a failed request retried once, redirects
   * followed by hand up to {@code maxRedirects}; a hop to another host goes through the resolver.
   */
  void http(Endpoint e, Target target, Trace trace) {
    String url = e.url();
    String method = e.method() == null || e.method().isBlank() ? "GET" : e.method().toUpperCase(Locale.ROOT);
    String host = e.host();
    Target at = target;
    for (int hop = 0; !interrupted(); hop++) {
      HttpFetch fetch = http.fetch(url, method, at.ip(), trace, at.tags());
      if (fetch.failure() != null && pause()) {
        fetch = http.fetch(url, method, at.ip(), trace, at.tagsWith(Tags.RETRY));
      }
      if (fetch.location() == null || hop >= config.maxRedirects()) {
        return;
      }
      HttpUrl next = HttpUrl.get(fetch.location());
      if (fetch.code() != 307 && fetch.code() != 308) {
        method = "GET";
      }
      if (!next.host().equalsIgnoreCase(host)) {
        at = hopTarget(next.host(), trace);
        host = next.host();
        if (at == null) {
          return;
        }
      }
      url = fetch.location();
    }
  }

  /** Step 6: the WebSocket upgrade on the TLS connection, which is then closed. */
  void webSocket(Endpoint e, Connection tls, Trace trace) {
    try {
      if (!interrupted()) {
        webSocket.upgrade((SSLSocket) tls.socket(), e.url(), hostHeader(e), e.path(), "https://" + e.host(), trace,
            tls.transactionId(), tls.target().tags());
      }
    } finally {
      close(tls);
    }
  }

  /** Step 7, for endpoints marked {@code throughput}: one new connection downloading the endpoint's path. */
  void throughput(Endpoint e, Target target, Trace trace) {
    if (!e.throughput() || interrupted()) {
      return;
    }
    List<String> tags = target.tagsWith(Tags.THROUGHPUT);
    String address = IpLiterals.hostPort(target.ip(), e.port());
    String sni = e.usesTls() ? serverName(e) : null;
    long transactionId = trace.newTransaction();
    double t0 = trace.now();
    Dialed dialed = dialer.dial(target.ip(), e.port(), trace, transactionId, tags);
    Socket socket = dialed.socket();
    String failure = dialed.failure();
    if (socket != null && e.usesTls()) {
      Secured secured = handshaker.handshake(socket, address, sni, e.host(), ALPN_HTTP1, trace, transactionId, tags);
      socket = secured.socket();
      failure = secured.failure();
    }
    if (socket == null) {
      trace.add(new Transfer(address, sni, "download", config.transferBytes(), 0, 0, 0, false, failure, t0,
          trace.now(), tags, transactionId));
      return;
    }
    transfer.download(socket, sni, hostHeader(e), e.path(), config.transferBytes(), trace, transactionId, tags);
  }

  static void close(Connection c) {
    if (c != null) {
      Sockets.closeQuietly(c.socket());
    }
  }

  private Connection dial(Target target, List<String> tags, int port, Trace trace) {
    long transactionId = trace.newTransaction();
    Dialed dialed = dialer.dial(target.ip(), port, trace, transactionId, tags);
    return dialed.connected() ? new Connection(dialed.socket(), target, transactionId) : null;
  }

  /** A new TCP connection and TLS handshake under one transaction; null when either fails. */
  private Connection open(Target target, List<String> tags, int port, String sni, String verifyName,
      List<String> alpn, Trace trace) {
    long transactionId = trace.newTransaction();
    Dialed dialed = dialer.dial(target.ip(), port, trace, transactionId, tags);
    if (!dialed.connected()) {
      return null;
    }
    Secured secured = handshaker.handshake(dialed.socket(), IpLiterals.hostPort(target.ip(), port), sni, verifyName,
        alpn, trace, transactionId, tags);
    return secured.ok() ? new Connection(secured.socket(), target, transactionId) : null;
  }

  /** Where a redirect to {@code host} goes: the literal itself, else the resolver's first usable or trusted address. */
  private Target hopTarget(String host, Trace trace) {
    if (IpLiterals.isLiteral(host)) {
      return new Target(host, List.of());
    }
    Resolution resolution = resolver.resolve(host, trace);
    if (!resolution.usableSystemAddresses().isEmpty()) {
      return new Target(resolution.usableSystemAddresses().get(0), List.of());
    }
    if (!resolution.trustedAddresses().isEmpty()) {
      return new Target(resolution.trustedAddresses().get(0), List.of(Tags.TRUSTED_ADDRESS));
    }
    return null;
  }

  /** Waits the retry delay; false when interrupted (the flag is kept). */
  private boolean pause() {
    if (interrupted()) {
      return false;
    }
    try {
      sleeper.sleep(config.retryDelay());
      return true;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean interrupted() {
    return Thread.currentThread().isInterrupted();
  }

  private static List<String> first(List<String> addresses) {
    return addresses.subList(0, Math.min(MAX_ADDRESSES, addresses.size()));
  }

  /** The SNI for the endpoint: its host, or none for an IP literal. */
  private static String serverName(Endpoint e) {
    return e.hostIsAddress() ? null : e.host();
  }

  private static String hostHeader(Endpoint e) {
    int defaultPort = e.usesTls() ? 443 : 80;
    return e.port() == defaultPort ? (e.host().indexOf(':') >= 0 ? "[" + e.host() + "]" : e.host()) : e.authority();
  }
}
