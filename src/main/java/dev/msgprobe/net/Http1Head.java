package dev.msgprobe.net;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The status line and headers of an HTTP/1.x response, read by hand off a raw stream. */
record Http1Head(int code, List<List<String>> headers, int length) {
  static final int MAX_BYTES = 64 * 1024;

  /**
   * Reads up to and including the blank line; the stream is left at the first body byte.
   *
   * @throws EOFException when the peer closes before the head is complete
   * @throws ProtocolException when the head is malformed or longer than {@link #MAX_BYTES}
   */
  static Http1Head read(InputStream in) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b == -1) {
        throw new EOFException("connection closed after " + raw.size() + " bytes of the response head");
      }
      raw.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (raw.size() > MAX_BYTES) {
        throw new ProtocolException("response head longer than " + MAX_BYTES + " bytes");
      }
    }
    return parse(raw.toString(StandardCharsets.ISO_8859_1), raw.size());
  }

  /** The first value of header {@code name} (case-insensitive), or null. */
  String header(String name) {
    for (List<String> kv : headers) {
      if (kv.get(0).equalsIgnoreCase(name)) {
        return kv.get(1);
      }
    }
    return null;
  }

  /** The declared Content-Length, or -1 when absent or unreadable. */
  long contentLength() {
    String value = header("Content-Length");
    try {
      return value == null ? -1 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Http1Head parse(String head, int length) throws ProtocolException {
    String[] lines = head.split("\r\n");
    if (lines.length == 0 || lines[0].isEmpty()) {
      throw new ProtocolException("response head has no status line");
    }
    String[] status = lines[0].split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/") || !status[1].matches("\\d{3}")) {
      throw new ProtocolException("malformed status line: " + lines[0]);
    }
    List<List<String>> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(List.of(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
      }
    }
    return new Http1Head(Integer.parseInt(status[1]), List.copyOf(headers), length);
  }
}
