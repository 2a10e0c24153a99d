package dev.msgprobe.measure;

import dev.msgprobe.net.ControlJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test helper's reply (OONI's ts-017-web-connectivity), read leniently: a missing or mistyped part reads as
 * absent, unknown fields are ignored, so that msgprobe's helper, oohelperd and older helpers all
 * parse. Failure strings are kept as the helper wrote them (legacy ones included). Maps are sorted
 * by key.
 */
record ControlReply(Dns dns, Map<String, Tcp> tcpConnect, Map<String, Tls> tlsHandshake, Http http,
    Map<String, Long> asns) {
  private static final ObjectMapper JSON = ControlJson.MAPPER;

  /** {@code dns}: the helper's addresses for the URL's host, or its failure. */
  record Dns(String failure, List<String> addrs) {}

  record Tcp(boolean status, String failure) {}

  record Tls(String serverName, boolean status, String failure) {}

  /** {@code status_code} and {@code body_length} are -1 when the helper got no response. */
  record Http(String failure, int statusCode, Map<String, String> headers, long bodyLength, String title) {}

  /** @throws IOException when {@code body} is not a JSON object */
  static ControlReply parse(byte[] body) throws IOException {
    JsonNode root = JSON.readTree(body);
    if (root == null || !root.isObject()) {
      throw new IOException("the control's reply is not a JSON object");
    }
    JsonNode dns = root.path("dns");
    Dns parsedDns = dns.isObject() ? new Dns(text(dns.path("failure")), strings(dns.path("addrs"))) : null;

    Map<String, Tcp> tcp = new TreeMap<>();
    root.path("tcp_connect").properties().forEach(e ->
        tcp.put(e.getKey(), new Tcp(e.getValue().path("status").asBoolean(), text(e.getValue().path("failure")))));
    Map<String, Tls> tls = new TreeMap<>();
    root.path("tls_handshake").properties().forEach(e -> tls.put(e.getKey(), new Tls(
        text(e.getValue().path("server_name")), e.getValue().path("status").asBoolean(),
        text(e.getValue().path("failure")))));

    JsonNode http = root.path("http_request");
    Http parsedHttp = null;
    if (http.isObject()) {
      Map<String, String> headers = new TreeMap<>();
      http.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
      parsedHttp = new Http(text(http.path("failure")), http.path("status_code").asInt(-1), headers,
          http.path("body_length").asLong(-1), text(http.path("title")));
    }

    Map<String, Long> asns = new TreeMap<>();
    root.path("ip_info").properties().forEach(e -> asns.put(e.getKey(), e.getValue().path("asn").asLong(0)));
    return new ControlReply(parsedDns, tcp, tls, parsedHttp, asns);
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> {
      if (item.isTextual()) {
        out.add(item.asText());
      }
    });
    return out;
  }
}
