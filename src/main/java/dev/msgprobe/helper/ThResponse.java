package dev.msgprobe.helper;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The reply of OONI's test helper ({@code model.THResponse}), field for field. Failures use the
 * legacy strings oohelperd emits (see {@link dev.msgprobe.model.LegacyFailures}); maps are keyed by {@code ip:port}
 * (brackets around IPv6) or, for {@code ip_info}, by address. QUIC is never measured: an empty
 * {@code quic_handshake} and a null {@code http3_request}.
 */
@JsonPropertyOrder({"tcp_connect", "tls_handshake", "quic_handshake", "http_request", "http3_request", "dns", "ip_info"})
record ThResponse(
    @JsonProperty("tcp_connect") Map<String, Tcp> tcpConnect,
    @JsonProperty("tls_handshake") Map<String, Tls> tlsHandshake,
    @JsonProperty("quic_handshake") Map<String, Tls> quicHandshake,
    @JsonProperty("http_request") Http httpRequest,
    @JsonProperty("http3_request") Http http3Request,
    @JsonProperty("dns") Dns dns,
    @JsonProperty("ip_info") Map<String, IpInfo> ipInfo) {

  @JsonPropertyOrder({"status", "failure"})
  record Tcp(@JsonProperty("status") boolean status, @JsonProperty("failure") String failure) {}

  @JsonPropertyOrder({"server_name", "status", "failure"})
  record Tls(
      @JsonProperty("server_name") String serverName,
      @JsonProperty("status") boolean status,
      @JsonProperty("failure") String failure) {}

  /** {@code body_length} and {@code status_code} are -1 when no response arrived. */
  @JsonPropertyOrder({"body_length", "discovered_h3_endpoint", "failure", "title", "headers", "status_code"})
  record Http(
      @JsonProperty("body_length") long bodyLength,
      @JsonProperty("discovered_h3_endpoint") String discoveredH3Endpoint,
      @JsonProperty("failure") String failure,
      @JsonProperty("title") String title,
      @JsonProperty("headers") Map<String, String> headers,
      @JsonProperty("status_code") long statusCode) {

    static Http failed(String failure) {
      return new Http(-1, "", failure, "", Map.of(), -1);
    }
  }

  @JsonPropertyOrder({"failure", "addrs"})
  record Dns(@JsonProperty("failure") String failure, @JsonProperty("addrs") List<String> addrs) {}

  /** {@code flags}: the {@code FLAG_*} bits. msgprobe has no ASN database: {@code asn} is 0 (OONI's "unknown"). */
  @JsonPropertyOrder({"asn", "flags"})
  record IpInfo(@JsonProperty("asn") long asn, @JsonProperty("flags") int flags) {
    static final int FLAG_RESOLVED_BY_PROBE = 1;
    static final int FLAG_RESOLVED_BY_HELPER = 2;
    static final int FLAG_BOGON = 4;
    static final int FLAG_VALID_FOR_DOMAIN = 8;

    IpInfo with(int flag) {
      return new IpInfo(asn, flags | flag);
    }
  }
}
