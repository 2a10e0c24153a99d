package dev.msgprobe.helper;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /} in OONI's test-helper API ({@code model.THRequest}): the URL to fetch,
 * the probe's request headers, and the {@code ip:port} endpoints the probe connected to. Missing
 * lists and maps read as empty; unknown fields are ignored, as oohelperd does.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ThRequest(
    @JsonProperty("http_request") String httpRequest,
    @JsonProperty("http_request_headers") Map<String, List<String>> httpRequestHeaders,
    @JsonProperty("tcp_connect") List<String> tcpConnect,
    @JsonProperty("x_quic_enabled") boolean quicEnabled) {

  ThRequest {
    httpRequestHeaders = httpRequestHeaders == null ? Map.of() : httpRequestHeaders;
    tcpConnect = tcpConnect == null ? List.of() : tcpConnect;
  }
}
