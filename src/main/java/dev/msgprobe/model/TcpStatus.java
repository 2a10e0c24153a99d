package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code status} of a {@link TcpConnect}: {@code success} is {@code failure == null}. */
@JsonPropertyOrder({"failure", "success"})
public record TcpStatus(@JsonProperty("failure") String failure, @JsonProperty("success") boolean success) {

  public static TcpStatus of(String failure) {
    return new TcpStatus(failure, failure == null);
  }
}
