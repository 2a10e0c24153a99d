package dev.msgprobe.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Connection behaviours for {@link LoopbackServer} (plain, or behind {@link TlsFront}), each
 * misbehaving in one precise way. The HTTP ones read the request head first, then answer with
 * {@code HTTP/1.1 200} and a Content-Length.
 */
public final class Handlers {
  /** What the stalling and cut-off handlers declare as Content-Length: more than they send. */
  public static final int DECLARED_LENGTH = 1024 * 1024;
  private static final int PACE_TICK_MILLIS = 50;

  private Handlers() {}

  /** Ends the connection with a RST (SO_LINGER 0), no FIN. */
  public static void reset(Socket socket) throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  /** Resets every connection as soon as it is accepted. */
  public static LoopbackServer.Handler resetOnAccept() {
    return Handlers::reset;
  }

  /** Accepts and never speaks: reads and discards until the client hangs up. */
  public static LoopbackServer.Handler silent() {
    return socket -> socket.getInputStream().transferTo(OutputStream.nullOutputStream());
  }

  /** Reads the ClientHello, then closes normally (a FIN in the middle of the handshake). */
  public static LoopbackServer.Handler closeAfterClientHello() {
    return socket -> ClientHello.read(socket.getInputStream());
  }

  /**
   * Reads the ClientHello, then answers with the start of a 16 KiB handshake record, one byte every
   * 100 ms: each read of the client is quick, the handshake never ends.
   */
  public static LoopbackServer.Handler trickleAfterClientHello() {
    return socket -> {
      ClientHello.read(socket.getInputStream());
      byte[] recordHeader = {22, 3, 3, 0x40, 0};
      OutputStream out = socket.getOutputStream();
      for (int i = 0; ; i++) {
        out.write(i < recordHeader.length ? recordHeader[i] : 0);
        out.flush();
        Thread.sleep(100);
      }
    };
  }

  /**
   * Reads the request head, then sends a status line and one header's bytes, one byte every 100 ms: the
   * head never ends, yet every read of the client gets data quickly.
   */
  public static LoopbackServer.Handler dripHead() {
    return socket -> {
      readRequestHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      byte[] start = "HTTP/1.1 200 OK\r\nX-Drip: ".getBytes(StandardCharsets.ISO_8859_1);
      for (int i = 0; ; i++) {
        out.write(i < start.length ? start[i] : 'a');
        out.flush();
        Thread.sleep(100);
      }
    };
  }

  /** Reads the request head and never answers, the connection left open: a server slow to answer. */
  public static LoopbackServer.Handler readRequestThenSilent() {
    return socket -> {
      readRequestHead(socket.getInputStream());
      silent().handle(socket);
    };
  }

  /** Answers any bytes with {@code response}, then closes (e.g. plain HTTP to a TLS client). */
  public static LoopbackServer.Handler answer(String response) {
    return socket -> {
      socket.getInputStream().read();
      socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
    };
  }

  /** Serves {@code body} with status 200 to the first request. */
  public static LoopbackServer.Handler httpOk(byte[] body) {
    return socket -> {
      readRequestHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      out.write(head(body.length));
      out.write(body);
      out.flush();
    };
  }

  /** Declares {@link #DECLARED_LENGTH}, sends {@code n} body bytes, then goes silent with the connection open. */
  public static LoopbackServer.Handler sendThenStall(int n) {
    return socket -> {
      sendPartial(socket, n);
      silent().handle(socket);
    };
  }

  /** Declares {@link #DECLARED_LENGTH}, sends {@code n} body bytes, then resets the connection. */
  public static LoopbackServer.Handler sendThenReset(int n) {
    return socket -> {
      sendPartial(socket, n);
      reset(socket);
    };
  }

  /** Declares {@link #DECLARED_LENGTH}, sends {@code n} body bytes, then closes normally (FIN). */
  public static LoopbackServer.Handler sendThenClose(int n) {
    return socket -> sendPartial(socket, n);
  }

  /** Serves {@code total} body bytes at {@code bytesPerSecond}, in slices every 50 ms. */
  public static LoopbackServer.Handler paced(int bytesPerSecond, int total) {
    return socket -> {
      readRequestHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      out.write(head(total));
      out.flush();
      int slice = Math.max(1, bytesPerSecond * PACE_TICK_MILLIS / 1000);
      for (int sent = 0; sent < total; sent += slice) {
        out.write(filler(Math.min(slice, total - sent)));
        out.flush();
        Thread.sleep(PACE_TICK_MILLIS);
      }
    };
  }

  /** Reads a request head and {@code n} bytes of its body, then stops reading, the connection left open. */
  public static LoopbackServer.Handler readBodyThenStop(int n) {
    return socket -> {
      InputStream in = socket.getInputStream();
      readRequestHead(in);
      in.readNBytes(n);
      Thread.sleep(Long.MAX_VALUE); // until the server closes
    };
  }

  /** Reads a request and its whole body (Content-Length), then answers 200 with an empty body. */
  public static LoopbackServer.Handler readBodyThenOk() {
    return readBodyPaced(Integer.MAX_VALUE);
  }

  /** Reads a request's body (Content-Length) at {@code bytesPerSecond}, in slices every 50 ms, then answers 200. */
  public static LoopbackServer.Handler readBodyPaced(int bytesPerSecond) {
    return socket -> {
      InputStream in = socket.getInputStream();
      long remaining = contentLength(readRequestHead(in));
      int slice = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (long) bytesPerSecond * PACE_TICK_MILLIS / 1000));
      while (remaining > 0) {
        byte[] read = in.readNBytes((int) Math.min(slice, remaining));
        if (read.length == 0) {
          return;
        }
        remaining -= read.length;
        if (bytesPerSecond != Integer.MAX_VALUE) {
          Thread.sleep(PACE_TICK_MILLIS);
        }
      }
      OutputStream out = socket.getOutputStream();
      out.write(head(0));
      out.flush();
    };
  }

  /** Reads a request head, then answers 200 at once without reading the body, and closes. */
  public static LoopbackServer.Handler answerBeforeTheBody() {
    return socket -> {
      readRequestHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      out.write(head(0));
      out.flush();
    };
  }

  /** Reads a request head and {@code n} bytes of its body, then resets the connection. */
  public static LoopbackServer.Handler readBodyThenReset(int n) {
    return socket -> {
      InputStream in = socket.getInputStream();
      readRequestHead(in);
      in.readNBytes(n);
      reset(socket);
    };
  }

  /** Reads an HTTP request head (through the blank line) and returns it. */
  public static String readRequestHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        throw new EOFException("client closed before the end of its request head");
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
        return Long.parseLong(line.substring(colon + 1).trim());
      }
    }
    return 0;
  }

  private static void sendPartial(Socket socket, int n) throws IOException {
    readRequestHead(socket.getInputStream());
    OutputStream out = socket.getOutputStream();
    out.write(head(DECLARED_LENGTH));
    out.write(filler(n));
    out.flush();
  }

  private static byte[] head(long contentLength) {
    return ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + contentLength
        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] filler(int n) {
    byte[] bytes = new byte[n];
    Arrays.fill(bytes, (byte) 'x');
    return bytes;
  }
}
