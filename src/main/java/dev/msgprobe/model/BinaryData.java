package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Base64;

/** OONI's {@code {"format":"base64","data":...}} wrapper for raw bytes (DER certificates, DNS messages). */
@JsonPropertyOrder({"format", "data"})
public record BinaryData(@JsonProperty("format") String format, @JsonProperty("data") String data) {

  @JsonCreator
  public BinaryData {}

  public static BinaryData of(byte[] bytes) {
    return new BinaryData("base64", Base64.getEncoder().encodeToString(bytes));
  }

  public byte[] bytes() {
    return Base64.getDecoder().decode(data);
  }
}
