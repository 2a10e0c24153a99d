package dev.msgprobe.net;

import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TcpStatus;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Records one OkHttp call into the trace: its connection as {@code tcp_connect} (+ {@code connect})
 * and, over https, {@code tls_handshakes} (+ start/done events), and the call as
 * {@code http_transaction_start}/{@code done}; all under the call's transaction id and tags. Keeps the
 * request as it went over the wire for the {@code requests} entry. One per call; observes only.
 */
final class HttpTraceListener extends EventListener {
  private final Trace trace;
  private final long transactionId;
  private final List<String> tags;
  private final String serverName;
  private final CapturingTrustManager capture;
  private volatile double connectStart;
  private volatile double tlsStart = -1;
  private volatile Handshake handshake;
  private volatile String ip;
  private volatile int port;
  private volatile String address;
  private volatile String alpn;
  private volatile Request sentRequest;
  private volatile Double requestSentAt;
  private volatile Double headAt;

  /**
   * @param serverName the SNI OkHttp sends (the URL's host), or null for an IP literal
   * @param capture the trust manager of the call's TLS context, which saw the chain as presented
   *     (OkHttp's own {@link Handshake} holds the chain rebuilt up to the trust anchor)
   */
  HttpTraceListener(Trace trace, long transactionId, List<String> tags, String serverName,
      CapturingTrustManager capture) {
    this.trace = trace;
    this.transactionId = transactionId;
    this.tags = List.copyOf(tags);
    this.serverName = serverName;
    this.capture = capture;
  }

  /** The request with the headers OkHttp actually sent, or null when it never got that far. */
  Request sentRequest() {
    return sentRequest;
  }

  /** When the request head went out, or null. */
  Double requestSentAt() {
    return requestSentAt;
  }

  /** When the response head was complete, or null. */
  Double headAt() {
    return headAt;
  }

  /** The ALPN protocol of an https connection, or null. */
  String alpn() {
    return alpn;
  }

  @Override
  public void callStart(Call call) {
    double t = trace.now();
    trace.add(new NetworkEvent(null, null, null, "http_transaction_start", "tcp", t, t, tags, transactionId));
  }

  @Override
  public void connectStart(Call call, InetSocketAddress socketAddress, Proxy proxy) {
    connectStart = trace.now();
    tlsStart = -1;
    handshake = null;
    ip = socketAddress.getAddress().getHostAddress();
    port = socketAddress.getPort();
    address = IpEndpoint.join(ip, port);
  }

  @Override
  public void secureConnectStart(Call call) {
    double t = trace.now();
    recordTcp(null, t);
    tlsStart = t;
    trace.add(new NetworkEvent(address, null, null, "tls_handshake_start", "tcp", t, t, tags, transactionId));
  }

  @Override
  public void secureConnectEnd(Call call, Handshake handshake) {
    this.handshake = handshake;
  }

  @Override
  public void connectEnd(Call call, InetSocketAddress socketAddress, Proxy proxy, Protocol protocol) {
    if (tlsStart < 0) {
      recordTcp(null, trace.now());
    } else {
      alpn = protocol == null ? null : protocol.toString();
      recordTls(null);
    }
  }

  @Override
  public void connectFailed(Call call, InetSocketAddress socketAddress, Proxy proxy, Protocol protocol,
      IOException ioe) {
    String failure = FailureTaxonomy.classify(ioe);
    if (tlsStart < 0) {
      recordTcp(failure, trace.now());
    } else {
      recordTls(failure);
    }
  }

  @Override
  public void requestHeadersEnd(Call call, Request request) {
    sentRequest = request;
    requestSentAt = trace.now();
  }

  @Override
  public void responseHeadersEnd(Call call, Response response) {
    headAt = trace.now();
  }

  @Override
  public void callEnd(Call call) {
    done(null);
  }

  @Override
  public void callFailed(Call call, IOException ioe) {
    done(FailureTaxonomy.classify(ioe));
  }

  private void done(String failure) {
    double t = trace.now();
    trace.add(new NetworkEvent(address, failure, null, "http_transaction_done", "tcp", t, t, tags, transactionId));
  }

  private void recordTcp(String failure, double t) {
    trace.add(new TcpConnect(ip, port, TcpStatus.of(failure), connectStart, t, tags, transactionId));
    trace.add(new NetworkEvent(address, failure, null, "connect", "tcp", connectStart, t, tags, transactionId));
  }

  private void recordTls(String failure) {
    double t = trace.now();
    Handshake h = failure == null ? handshake : null;
    trace.add(new TlsHandshake("tcp", address,
        h == null ? capture.cipherSuite() : h.cipherSuite().javaName(), failure,
        alpn == null || failure != null ? "" : alpn, false, TlsHandshaker.der(capture.chain()), serverName,
        tlsStart, t, tags, h == null ? capture.protocol() : h.tlsVersion().javaName(), transactionId));
    trace.add(new NetworkEvent(address, failure, null, "tls_handshake_done", "tcp", tlsStart, t, tags, transactionId));
  }
}
