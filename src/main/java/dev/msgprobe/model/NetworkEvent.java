package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One low-level event (df-008-netevents): {@code connect}, {@code read}, {@code write},
 * {@code resolve_start}, {@code resolve_done}, {@code tls_handshake_start}, {@code tls_handshake_done},
 * {@code http_transaction_start}, {@code http_transaction_done}, {@code bytes_received_cumulative},
 * {@code websocket_upgrade}. {@code num_bytes} is the cumulative count for the last one.
 */
@JsonPropertyOrder({"address", "failure", "num_bytes", "operation", "proto", "t0", "t", "tags", "transaction_id"})
public record NetworkEvent(
    @JsonProperty("address") String address,
    @JsonProperty("failure") String failure,
    @JsonProperty("num_bytes") Long numBytes,
    @JsonProperty("operation") String operation,
    @JsonProperty("proto") String proto,
    @JsonProperty("t0") double t0,
    @JsonProperty("t") double t,
    @JsonProperty("tags") List<String> tags,
    @JsonProperty("transaction_id") long transactionId) implements Tagged {
  /** This entry under another transaction id. */
  public NetworkEvent withTransactionId(long transactionId) {
    return new NetworkEvent(address, failure, numBytes, operation, proto, t0, t, tags, transactionId);
  }
}
