package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * msgprobe's throughput/stall observation ({@code test_keys.x_transfers}): one connection that tried to
 * move {@code target_bytes} ({@code direction} {@code download} or {@code upload}). {@code bytes} is what
 * actually moved before {@code failure} (null when the target was reached). {@code stalled} is true when
 * no byte moved for the stall window before the deadline and the peer neither reset nor closed.
 * The raw samples are in {@code network_events} as {@code bytes_received_cumulative} with the same
 * {@code transaction_id}.
 */
@JsonPropertyOrder({"address", "server_name", "direction", "target_bytes", "bytes", "seconds",
    "goodput_kbps", "stalled", "failure", "t0", "t", "tags", "transaction_id"})
public record Transfer(
    @JsonProperty("address") String address,
    @JsonProperty("server_name") String serverName,
    @JsonProperty("direction") String direction,
    @JsonProperty("target_bytes") long targetBytes,
    @JsonProperty("bytes") long bytes,
    @JsonProperty("seconds") double seconds,
    @JsonProperty("goodput_kbps") double goodputKbps,
    @JsonProperty("stalled") boolean stalled,
    @JsonProperty("failure") String failure,
    @JsonProperty("t0") double t0,
    @JsonProperty("t") double t,
    @JsonProperty("tags") List<String> tags,
    @JsonProperty("transaction_id") long transactionId) implements Tagged {
  /** This entry under another transaction id. */
  public Transfer withTransactionId(long transactionId) {
    return new Transfer(address, serverName, direction, targetBytes, bytes, seconds, goodputKbps, stalled, failure, t0, t, tags, transactionId);
  }
}
