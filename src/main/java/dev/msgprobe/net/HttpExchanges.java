package dev.msgprobe.net;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ThreadFactory;

/**
 * What msgprobe's small JSON servers (the control vantage, the collector) do with a JDK
 * {@link HttpExchange}: read a bounded body, answer JSON, answer an error, read a bearer token.
 */
public final class HttpExchanges {
  private HttpExchanges() {}

  /** The body, or null when it is longer than {@code max} bytes (a declared length over it is not read at all). */
  public static byte[] readBody(HttpExchange exchange, int max) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
        && Long.parseLong(declared) > max) {
      return null;
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(max + 1);
      return body.length > max ? null : body;
    }
  }

  /** Answers {@code status} with the JSON {@code body}. */
  public static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** {@code {"error": message}}. */
  public static byte[] error(String message) {
    StringBuilder json = new StringBuilder("{\"error\":\"");
    for (char c : message.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The token of an {@code Authorization: Bearer TOKEN} header, or null. */
  public static String bearer(HttpExchange exchange) {
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    return given != null && given.startsWith("Bearer ") ? given.substring("Bearer ".length()).strip() : null;
  }

  /** Whether two secrets are equal, in time that does not depend on where they differ. */
  public static boolean sameSecret(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** Daemon threads named {@code name}. */
  public static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
