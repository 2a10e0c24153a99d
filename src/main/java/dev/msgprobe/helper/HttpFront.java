package dev.msgprobe.helper;

import dev.msgprobe.net.Watchdog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The helper's HTTP/1.1 front, built to be abused: at most {@code maxConnections} connections open
 * (more are closed at once), one request per connection, served by a fixed pool of that many
 * threads, and the request line, headers and body must all arrive within {@code readLimit} of the
 * connection being taken up (a watchdog closes a slowloris connection at that deadline). A connection over the cap gets a 503
 * and is closed without its request being read. Heads over
 * {@link #MAX_HEAD_BYTES} get 431, bodies over {@code maxBodyBytes} 413 (unread), chunked bodies 411,
 * anything unparsable 400. Worker threads end when idle, so an idle front holds only its acceptor.
 */
final class HttpFront implements AutoCloseable {
  static final int MAX_HEAD_BYTES = 16 * 1024;
  private static final Duration IDLE_WORKER = Duration.ofSeconds(2);
  private static final int LINGER_MILLIS = 200;
  private static final int LINGER_BYTES = 256 * 1024;
  private static final byte[] BUSY = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
      + "Content-Length: 33\r\nConnection: close\r\n\r\n{\"error\":\"too many connections\"}\n")
      .getBytes(StandardCharsets.ISO_8859_1);

  /** A request as read off the wire; header names lower case; {@code client} the peer's address. */
  record Request(String method, String path, Map<String, String> headers, byte[] body, InetAddress client) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** A response; {@code headers} in addition to Content-Type (JSON), Content-Length and Connection: close. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    static Response json(int status, byte[] body) {
      return new Response(status, Map.of(), body);
    }
  }

  interface Handler {
    Response handle(Request request);
  }

  /** Called once per connection with the status about to be sent (0: none, the client was cut off). */
  interface Log {
    void served(Request request, int status, long nanos);
  }

  private final ServerSocket server;
  private final Handler handler;
  private final Log log;
  private final Duration readLimit;
  private final int maxBodyBytes;
  private final Semaphore connections;
  private final ThreadPoolExecutor workers;
  private final Thread acceptor;
  private final AtomicInteger refused = new AtomicInteger();

  HttpFront(InetSocketAddress listen, int maxConnections, Duration readLimit, int maxBodyBytes, Handler handler,
      Log log) throws IOException {
    this.server = new ServerSocket();
    server.bind(listen, maxConnections);
    this.handler = handler;
    this.log = log;
    this.readLimit = readLimit;
    this.maxBodyBytes = maxBodyBytes;
    this.connections = new Semaphore(maxConnections);
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(maxConnections, maxConnections, IDLE_WORKER.toMillis(),
        TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> daemon(r, "msgprobe-helper-http-" + n.incrementAndGet()));
    workers.allowCoreThreadTimeOut(true);
    this.acceptor = daemon(this::acceptLoop, "msgprobe-helper-accept");
    acceptor.start();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  /** Connections open now (being read, measured or answered). */
  int openConnections() {
    return maxConnectionsOf() - connections.availablePermits();
  }

  /** Connections closed unanswered since the start because the cap was reached. */
  int refusedConnections() {
    return refused.get();
  }

  private int maxConnectionsOf() {
    return workers.getMaximumPoolSize();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing is best effort
    }
    workers.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException closedOrFailed) {
        continue;
      }
      if (!connections.tryAcquire()) {
        refused.incrementAndGet();
        refuse(socket);
        continue;
      }
      try {
        workers.execute(() -> {
          try {
            serve(socket);
          } finally {
            closeQuietly(socket);
            connections.release();
          }
        });
      } catch (RuntimeException shutDown) {
        closeQuietly(socket);
        connections.release();
      }
    }
  }

  private void serve(Socket socket) {
    long start = System.nanoTime();
    Request request;
    Response response;
    try (Watchdog reading = Watchdog.arm(socket, readLimit)) {
      socket.setSoTimeout((int) Math.max(1, readLimit.toMillis()));
      try {
        request = read(socket);
        response = null;
      } catch (BadRequest bad) {
        request = new Request("-", "-", Map.of(), new byte[0], socket.getInetAddress());
        response = bad.response;
      }
    } catch (IOException cutOrClosed) {
      log.served(new Request("-", "-", Map.of(), new byte[0], socket.getInetAddress()), 0, System.nanoTime() - start);
      return;
    }
    if (response == null) {
      response = handler.handle(request);
    }
    log.served(request, response.status(), System.nanoTime() - start);
    try {
      socket.setSoTimeout((int) Math.max(1, readLimit.toMillis()));
      try (Watchdog writing = Watchdog.arm(socket, readLimit)) {
        write(socket.getOutputStream(), response);
        lingeringClose(socket);
      }
    } catch (IOException clientGone) {
      // the answer was ready; the client did not take it
    }
  }

  private Request read(Socket socket) throws IOException, BadRequest {
    InputStream in = socket.getInputStream();
    String head = readHead(in);
    String[] lines = head.split("\r\n");
    String[] requestLine = lines.length == 0 ? new String[0] : lines[0].split(" ");
    if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.") || requestLine[0].isEmpty()) {
      throw new BadRequest(400, "malformed request line");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        throw new BadRequest(400, "malformed header line");
      }
      headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    if (headers.containsKey("transfer-encoding")) {
      throw new BadRequest(411, "a Content-Length is required (no chunked bodies)");
    }
    long length = contentLength(headers.get("content-length"));
    if (length > maxBodyBytes) {
      throw new BadRequest(413, "the request body is over " + maxBodyBytes + " bytes");
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length < length) {
      throw new IOException("connection closed inside the request body");
    }
    String path = requestLine[1];
    int query = path.indexOf('?');
    return new Request(requestLine[0], query < 0 ? path : path.substring(0, query), Map.copyOf(headers), body,
        socket.getInetAddress());
  }

  private static String readHead(InputStream in) throws IOException, BadRequest {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("connection closed inside the request head");
      }
      raw.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (raw.size() > MAX_HEAD_BYTES) {
        throw new BadRequest(431, "the request head is over " + MAX_HEAD_BYTES + " bytes");
      }
    }
    return raw.toString(StandardCharsets.ISO_8859_1).stripTrailing();
  }

  private static long contentLength(String value) throws BadRequest {
    if (value == null) {
      return 0;
    }
    if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new BadRequest(400, "bad Content-Length");
    }
    return Long.parseLong(value);
  }

  private static void write(OutputStream out, Response response) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
        .append(reason(response.status())).append("\r\n");
    head.append("Content-Type: application/json\r\n");
    response.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(response.body().length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(response.body());
    out.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 405 -> "Method Not Allowed";
      case 411 -> "Length Required";
      case 413 -> "Content Too Large";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status";
    };
  }

  /**
   * Half-closes, then reads and drops what the client still sends (a refused body, the rest of a
   * flood) for a moment, so that closing with unread input does not reset the connection before the
   * client has read the answer.
   */
  private static void lingeringClose(Socket socket) throws IOException {
    socket.shutdownOutput();
    socket.setSoTimeout(LINGER_MILLIS);
    InputStream in = socket.getInputStream();
    byte[] sink = new byte[8192];
    for (int total = 0; total < LINGER_BYTES; ) {
      int n = in.read(sink);
      if (n < 0) {
        return;
      }
      total += n;
    }
  }

  /** A 503 without reading the request (a few bytes into an empty send buffer: never blocks), then close. */
  private static void refuse(Socket socket) {
    try {
      socket.getOutputStream().write(BUSY);
    } catch (IOException gone) {
      // closing anyway
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing more to do with it
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** A request refused before the handler saw it; {@link #response} is what the client gets. */
  private static final class BadRequest extends Exception {
    final transient Response response;

    BadRequest(int status, String message) {
      super(message, null, false, false);
      this.response = Response.json(status, ("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
  }
}
