package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One TCP connect attempt (df-005-tcpconnect). */
@JsonPropertyOrder({"ip", "port", "status", "t0", "t", "tags", "transaction_id"})
public record TcpConnect(
    @JsonProperty("ip") String ip,
    @JsonProperty("port") int port,
    @JsonProperty("status") TcpStatus status,
    @JsonProperty("t0") double t0,
    @JsonProperty("t") double t,
    @JsonProperty("tags") List<String> tags,
    @JsonProperty("transaction_id") long transactionId) implements Tagged {

  /** This entry under another transaction id. */
  public TcpConnect withTransactionId(long transactionId) {
    return new TcpConnect(ip, port, status, t0, t, tags, transactionId);
  }


  public String failure() {
    return status == null ? null : status.failure();
  }

}
