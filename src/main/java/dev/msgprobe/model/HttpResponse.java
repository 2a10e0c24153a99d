package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** The response half of an HTTP transaction; {@code code} 0 and an empty body when none arrived. */
@JsonPropertyOrder({"body", "body_is_truncated", "code", "headers_list", "headers"})
public record HttpResponse(
    @JsonProperty("body") Body body,
    @JsonProperty("body_is_truncated") boolean bodyIsTruncated,
    @JsonProperty("code") int code,
    @JsonProperty("headers_list") List<List<String>> headersList,
    @JsonProperty("headers") Map<String, String> headers) {

  public static final HttpResponse NONE = new HttpResponse(Body.EMPTY, false, 0, List.of(), Map.of());

  /** First value of a header, matched case-insensitively, or null. */
  public String header(String name) {
    if (headersList == null) {
      return null;
    }
    for (List<String> kv : headersList) {
      if (kv.size() == 2 && kv.get(0).equalsIgnoreCase(name)) {
        return kv.get(1);
      }
    }
    return null;
  }
}
