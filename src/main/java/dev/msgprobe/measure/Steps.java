package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.Transfer;
import dev.msgprobe.net.Bogons;
import dev.msgprobe.net.HttpFetcher;
import dev.msgprobe.model.TransferMode;
import dev.msgprobe.net.HttpFetcher.HttpFetch;
import dev.msgprobe.net.HttpFetcher;
import dev.msgprobe.net.IpEndpoint;
import dev.msgprobe.net.IpLiterals;
import dev.msgprobe.net.Sockets;
import dev.msgprobe.net.TcpDialer.Dialed;
import dev.msgprobe.net.TcpDialer;
import dev.msgprobe.net.TlsHandshaker.Secured;
import dev.msgprobe.net.TlsHandshaker;
import dev.msgprobe.net.TransferProbe;
import dev.msgprobe.net.Trust;
import dev.msgprobe.net.WebSocketUpgrader;
import dev.msgprobe.trace.Trace;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
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
  /**
   * The smallest upload: 64 KiB in one connection is what it takes to see the "16–20 KB" freeze
   * (hyperion-cs/dpi-checkers tcp-16-20, which pushes 64 KiB).
   */
  static final long UPLOAD_BELOW = 64 * 1024;
  /** The upload's SO_SNDBUF request (Linux doubles it): small, so bytes written approximate bytes delivered. */
  static final int UPLOAD_SEND_BUFFER = 8 * 1024;

  private final MeasureConfig config;
  private final HostResolver resolver;
  private final Sleeper sleeper;
  private final int validatePort;
  private final TcpDialer dialer;
  private final TcpDialer uploadDialer;
  private final TlsHandshaker handshaker;
  private final HttpFetcher http;
  private final WebSocketUpgrader webSocket;
  private final TransferProbe transfer;
  private final TransferSlots slots = new TransferSlots();

  Steps(MeasureConfig config, HostResolver resolver, Trust trust, Sleeper sleeper, int validatePort) {
    this.config = config;
    this.resolver = resolver;
    this.sleeper = sleeper;
    this.validatePort = validatePort;
    Duration timeout = config.timeout();
    this.dialer = new TcpDialer(timeout);
    this.uploadDialer = new TcpDialer(timeout, UPLOAD_SEND_BUFFER);
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
   * Steps 1–3: DNS, then the addresses to measure: the usable system ones, else the trusted ones
   * (tagged {@code trusted-address}), at most {@link #MAX_ADDRESSES}; then the TCP connects of
   * {@link #connectEach}, while one {@code validate} handshake per usable system address DoH did not
   * return (at most {@link #MAX_ADDRESSES}) runs at the same time. Returns the connection of the first
   * address that connected, or null.
   */
  Connection connect(Endpoint e, Trace trace) {
    return reach(e, trace, (tcp, into) -> tcp);
  }

  /**
   * Steps 1–4: {@link #connect}, then TLS on that connection with SNI = host (none for an IP literal);
   * the {@code validate} handshakes run while the connects and this handshake do. On failure, at the
   * same time, each on a new connection to the same address: one {@code retry} (after the retry delay),
   * a {@code decoy-sni} handshake and (when an SNI was sent) a {@code no-sni} handshake; recorded in that
   * order. Returns the TLS connection that worked (main or retry), or null.
   */
  Connection secure(Endpoint e, List<String> alpn, Trace trace) {
    String sni = serverName(e);
    Handshake main = reach(e, trace, (tcp, into) -> tcp == null ? null : new Handshake(tcp,
        handshaker.handshake(tcp.socket(), IpEndpoint.join(tcp.target().ip(), e.port()), sni, e.host(), alpn, into,
            tcp.transactionId(), tcp.target().tags())));
    if (main == null) {
      return null;
    }
    Target target = main.tcp().target();
    if (main.secured().ok()) {
      return new Connection(main.secured().socket(), target, main.tcp().transactionId());
    }
    if (interrupted()) {
      return null;
    }
    List<Function<Trace, Connection>> steps = new ArrayList<>();
    long retryId = trace.newTransaction();
    steps.add(into -> pause()
        ? open(target, target.tagsWith(Tags.RETRY), e.port(), sni, e.host(), alpn, into, retryId) : null);
    String decoy = config.decoySni();
    long decoyId = trace.newTransaction();
    steps.add(into -> {
      close(interrupted() ? null : open(target, target.tagsWith(Tags.DECOY_SNI), e.port(), decoy, decoy, alpn, into,
          decoyId));
      return null;
    });
    if (sni != null) {
      long noSniId = trace.newTransaction();
      steps.add(into -> {
        close(interrupted() ? null : open(target, target.tagsWith(Tags.NO_SNI), e.port(), null, e.host(), alpn, into,
            noSniId));
        return null;
      });
    }
    return Concurrently.run(trace, steps).get(0);
  }

  /** The first TLS handshake over the main path's connection. */
  private record Handshake(Connection tcp, Secured secured) {}

  /**
   * DNS and the targets; then {@link #connectEach} and {@code then} (given the connection, or null, and
   * the trace to record into) while the {@code validate} handshakes run; their entries come first.
   * Returns what {@code then} returned, or null when interrupted before connecting.
   */
  private <R> R reach(Endpoint e, Trace trace, BiFunction<Connection, Trace, R> then) {
    if (interrupted()) {
      return null;
    }
    List<Target> targets;
    List<String> unconfirmed = List.of();
    if (e.hostIsAddress()) {
      targets = List.of(new Target(e.host(), List.of()));
    } else {
      Resolution resolution = resolver.resolve(e.host(), trace);
      unconfirmed = first(resolution.unconfirmedSystemAddresses());
      targets = targetsOf(resolution);
    }
    if (interrupted()) {
      return null;
    }
    List<Function<Trace, R>> steps = new ArrayList<>();
    for (String ip : unconfirmed) {
      Target validate = new Target(ip, List.of(Tags.VALIDATE));
      long id = trace.newTransaction();
      steps.add(into -> {
        close(interrupted() ? null : open(validate, validate.tags(), validatePort, e.host(), e.host(), ALPN_WEB, into,
            id));
        return null;
      });
    }
    List<Long> ids = targets.stream().map(t -> trace.newTransaction()).toList();
    steps.add(into -> then.apply(connectEach(targets, ids, e.port(), trace, into), into));
    List<R> done = Concurrently.run(trace, steps);
    return done.get(done.size() - 1);
  }

  /**
   * Step 3: a TCP connect to each target at the same time (under {@code ids}), then, after the retry
   * delay, one {@code retry} of each that failed, again together (ids taken from {@code measurement} in
   * target order). Recorded into {@code into}: the first attempts in target order, then the retries.
   * Returns the connection of the first target that connected; the others are closed.
   */
  private Connection connectEach(List<Target> targets, List<Long> ids, int port, Trace measurement, Trace into) {
    List<Function<Trace, Connection>> attempts = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      long id = ids.get(i);
      attempts.add(t -> interrupted() ? null : dial(target, target.tags(), port, t, id));
    }
    List<Connection> connections = new ArrayList<>(Concurrently.run(into, attempts));
    List<Integer> failed = new ArrayList<>();
    for (int i = 0; i < connections.size(); i++) {
      if (connections.get(i) == null) {
        failed.add(i);
      }
    }
    if (!failed.isEmpty() && pause()) {
      List<Function<Trace, Connection>> retries = new ArrayList<>();
      for (int i : failed) {
        Target target = targets.get(i);
        long id = measurement.newTransaction();
        retries.add(t -> interrupted() ? null : dial(target, target.tagsWith(Tags.RETRY), port, t, id));
      }
      List<Connection> retried = Concurrently.run(into, retries);
      for (int k = 0; k < failed.size(); k++) {
        connections.set(failed.get(k), retried.get(k));
      }
    }
    Connection first = null;
    for (Connection c : connections) {
      if (first == null) {
        first = c;
      } else {
        close(c);
      }
    }
    return first;
  }

  /**
   * Step 5: the endpoint's request at the target's address, a failed request retried once, redirects
   * followed by hand up to {@code maxRedirects}; a hop to another host goes through the resolver. A
   * redirect to a bogon IP literal (private, loopback, ...) other than the address being measured is
   * not followed, as bogon DNS answers are not used: a server must not steer the probe into the local
   * network.
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
      if (privateLiteralElsewhere(next.host(), at.ip())) {
        return;
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

  /**
   * Step 7, for the endpoints {@code config.transfers()} selects, one endpoint at a time per address
   * ({@link TransferSlots}): for endpoints marked {@code throughput}, a new connection downloading the
   * endpoint's path; then, unless the download already stalled, a new connection uploading
   * {@link #uploadBytes} to it (most messenger hosts answer GET with a small page, so the other selected
   * endpoints get the upload alone, and the controls' uploads give the upload baseline). Both are recorded.
   */
  void throughput(Endpoint e, Target target, Trace trace) {
    if (!config.transfers().selects(e) || interrupted()) {
      return;
    }
    slots.exclusively(target.ip(), () -> {
      Transfer download = TransferMode.downloads(e) ? transfer(e, target, false, trace) : null;
      boolean stalled = TransferMode.downloads(e) && (download == null || download.stalled());
      if (!stalled && !interrupted()) {
        transfer(e, target, true, trace);
      }
    });
  }

  /** The upload's body size: the transfer size, and at least {@link #UPLOAD_BELOW}. */
  private long uploadBytes() {
    return Math.max(UPLOAD_BELOW, config.transferBytes());
  }

  /**
   * One transfer on a new connection (TLS with the real SNI for TLS schemes; an upload's socket with a
   * {@link #UPLOAD_SEND_BUFFER} send buffer). Null when the connection could not be made: that failure is
   * then recorded as a transfer that moved nothing.
   */
  private Transfer transfer(Endpoint e, Target target, boolean upload, Trace trace) {
    List<String> tags = target.tagsWith(Tags.THROUGHPUT);
    String address = IpEndpoint.join(target.ip(), e.port());
    String sni = e.usesTls() ? serverName(e) : null;
    long size = upload ? uploadBytes() : config.transferBytes();
    long transactionId = trace.newTransaction();
    double t0 = trace.now();
    Dialed dialed = (upload ? uploadDialer : dialer).dial(target.ip(), e.port(), trace, transactionId, tags);
    Socket tcp = dialed.socket();
    Socket socket = tcp;
    String failure = dialed.failure();
    if (tcp != null && e.usesTls()) {
      Secured secured = handshaker.handshake(tcp, address, sni, e.host(), ALPN_HTTP1, trace, transactionId, tags);
      socket = secured.socket();
      failure = secured.failure();
    }
    if (socket == null) {
      trace.add(new Transfer(address, sni, upload ? "upload" : "download", size, 0, 0, 0, false, failure, t0,
          trace.now(), tags, transactionId));
      return null;
    }
    return upload
        ? transfer.upload(socket, tcp, sni, hostHeader(e), e.path(), size, trace, transactionId, tags)
        : transfer.download(socket, sni, hostHeader(e), e.path(), size, trace, transactionId, tags);
  }

  static void close(Connection c) {
    if (c != null) {
      Sockets.closeQuietly(c.socket());
    }
  }

  private Connection dial(Target target, List<String> tags, int port, Trace trace, long transactionId) {
    Dialed dialed = dialer.dial(target.ip(), port, trace, transactionId, tags);
    return dialed.connected() ? new Connection(dialed.socket(), target, transactionId) : null;
  }

  /** A new TCP connection and TLS handshake under one transaction; null when either fails. */
  Connection open(Target target, List<String> tags, int port, String sni, String verifyName,
      List<String> alpn, Trace trace, long transactionId) {
    Dialed dialed = dialer.dial(target.ip(), port, trace, transactionId, tags);
    if (!dialed.connected()) {
      return null;
    }
    Secured secured = handshaker.handshake(dialed.socket(), IpEndpoint.join(target.ip(), port), sni, verifyName,
        alpn, trace, transactionId, tags);
    return secured.ok() ? new Connection(secured.socket(), target, transactionId) : null;
  }

  /** Where a redirect to {@code host} goes: the literal itself, else the resolver's first usable or trusted address. */
  private static boolean privateLiteralElsewhere(String host, String measuredIp) {
    return IpLiterals.isLiteral(host) && Bogons.isBogon(host)
        && !IpLiterals.format(IpLiterals.parse(host).getAddress())
            .equals(IpLiterals.format(IpLiterals.parse(measuredIp).getAddress()));
  }

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
  boolean pause() {
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

  static boolean interrupted() {
    return Thread.currentThread().isInterrupted();
  }

  /**
   * Steps 1–2 alone: the endpoint's literal, else the resolver's usable addresses, else the trusted ones
   * (tagged {@code trusted-address}); at most {@link #MAX_ADDRESSES}. Empty when DNS gave nothing usable.
   */
  List<Target> targets(Endpoint e, Trace trace) {
    if (e.hostIsAddress()) {
      return List.of(new Target(e.host(), List.of()));
    }
    return interrupted() ? List.of() : targetsOf(resolver.resolve(e.host(), trace));
  }

  private static List<Target> targetsOf(Resolution resolution) {
    return !resolution.usableSystemAddresses().isEmpty()
        ? first(resolution.usableSystemAddresses()).stream().map(ip -> new Target(ip, List.of())).toList()
        : first(resolution.trustedAddresses()).stream().map(ip -> new Target(ip, List.of(Tags.TRUSTED_ADDRESS)))
            .toList();
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
    return e.port() == defaultPort ? IpEndpoint.bracketed(e.host()) : e.authority();
  }
}
