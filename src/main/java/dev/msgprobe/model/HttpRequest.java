package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** The request half of an HTTP transaction (df-001-httpt). {@code headers} keeps the first value of each name. */
@JsonPropertyOrder({"body", "body_is_truncated", "headers_list", "headers", "method", "tor", "x_transport", "url"})
public record HttpRequest(
    @JsonProperty("body") Body body,
    @JsonProperty("body_is_truncated") boolean bodyIsTruncated,
    @JsonProperty("headers_list") List<List<String>> headersList,
    @JsonProperty("headers") Map<String, String> headers,
    @JsonProperty("method") String method,
    @JsonProperty("tor") Tor tor,
    @JsonProperty("x_transport") String transport,
    @JsonProperty("url") String url) {

  /** OONI's legacy Tor block, always "not Tor" here. */
  @JsonPropertyOrder({"exit_ip", "exit_name", "is_tor"})
  public record Tor(
      @JsonProperty("exit_ip") String exitIp,
      @JsonProperty("exit_name") String exitName,
      @JsonProperty("is_tor") boolean isTor) {
    public static final Tor NONE = new Tor(null, null, false);
  }
}
