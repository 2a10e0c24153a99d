package dev.msgprobe.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.xbill.DNS.Message;

/**
 * An RFC 8484 DoH server on https://127.0.0.1:PORT/dns-query (MockWebServer over TLS with a
 * {@link FakeDnsPki} certificate) answering POSTed queries from a {@link FakeDnsZone} (transport
 * HTTPS): the first reply after its delay; silence holds the response back for a minute; a reset
 * closes the connection. Anything but {@code POST application/dns-message} gets 400.
 */
public final class FakeDnsOverHttpsServer implements AutoCloseable {
  private static final String DNS_MESSAGE = "application/dns-message";

  private final MockWebServer server = new MockWebServer();
  private final FakeDnsZone zone;

  private FakeDnsOverHttpsServer(FakeDnsZone zone) {
    this.zone = zone;
  }

  public static FakeDnsOverHttpsServer start(FakeDnsZone zone, FakeDnsPki pki) throws IOException {
    FakeDnsOverHttpsServer doh = new FakeDnsOverHttpsServer(zone);
    doh.server.useHttps(pki.serverSocketFactory());
    doh.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return doh.respond(request);
      }
    });
    doh.server.start(InetAddress.getByName("127.0.0.1"), 0);
    return doh;
  }

  /** {@code https://127.0.0.1:PORT/dns-query}. */
  public String url() {
    return "https://127.0.0.1:" + server.getPort() + "/dns-query";
  }

  public int port() {
    return server.getPort();
  }

  public FakeDnsZone zone() {
    return zone;
  }

  /** The next request received (to inspect method, headers, body), waiting up to a second. */
  public RecordedRequest takeRequest() throws InterruptedException {
    return server.takeRequest(1, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    server.close();
  }

  private MockResponse respond(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    if (!"POST".equals(request.getMethod()) || type == null || !type.startsWith(DNS_MESSAGE) || request.getBody() == null) {
      return new MockResponse.Builder().code(400).build();
    }
    List<FakeDnsReply> replies;
    try {
      replies = zone.handle(new Message(request.getBody().toByteArray()), FakeDnsZone.Transport.HTTPS);
    } catch (IOException notDns) {
      return new MockResponse.Builder().code(400).build();
    }
    if (replies.isEmpty()) {
      return new MockResponse.Builder().headersDelay(1, TimeUnit.MINUTES).build();
    }
    FakeDnsReply reply = replies.get(0);
    if (reply.reset()) {
      return new MockResponse.Builder().onResponseStart(new mockwebserver3.SocketEffect.CloseSocket(true, false, false)).build();
    }
    return new MockResponse.Builder()
        .headersDelay(reply.delay().toMillis(), TimeUnit.MILLISECONDS)
        .setHeader("Content-Type", DNS_MESSAGE)
        .body(new Buffer().write(reply.wire()))
        .build();
  }
}
