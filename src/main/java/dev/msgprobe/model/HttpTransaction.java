package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One HTTP round trip (df-001-httpt). In {@link TestKeys#requests()} the list is in OONI's
 * reverse-chronological order: the last hop of a redirect chain comes first.
 */
@JsonPropertyOrder({"network", "address", "alpn", "failure", "request", "response", "t0", "t", "tags",
    "transaction_id"})
public record HttpTransaction(
    @JsonProperty("network") String network,
    @JsonProperty("address") String address,
    @JsonProperty("alpn") String alpn,
    @JsonProperty("failure") String failure,
    @JsonProperty("request") HttpRequest request,
    @JsonProperty("response") HttpResponse response,
    @JsonProperty("t0") double t0,
    @JsonProperty("t") double t,
    @JsonProperty("tags") List<String> tags,
    @JsonProperty("transaction_id") long transactionId) implements Tagged {
  /** This entry under another transaction id. */
  public HttpTransaction withTransactionId(long transactionId) {
    return new HttpTransaction(network, address, alpn, failure, request, response, t0, t, tags, transactionId);
  }
}
