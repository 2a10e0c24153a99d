package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One HTTP round trip (df-001-httpt). In {@link TestKeys#requests()} the list is in OONI's
 * reverse-chronological order: the last hop of a redirect chain comes first. {@code progress}
 * ({@code x_response_progress}, left out when null: entries from the control vantage, reports written
 * before it existed) tells how the response's bytes arrived.
 */
@JsonPropertyOrder({"network", "address", "alpn", "failure", "request", "response", "t0", "t", "tags",
    "transaction_id", "x_response_progress"})
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
    @JsonProperty("transaction_id") long transactionId,
    @JsonProperty("x_response_progress") @JsonInclude(JsonInclude.Include.NON_NULL) ResponseProgress progress)
    implements Tagged {

  /** An entry without {@code x_response_progress}. */
  public HttpTransaction(String network, String address, String alpn, String failure, HttpRequest request,
      HttpResponse response, double t0, double t, List<String> tags, long transactionId) {
    this(network, address, alpn, failure, request, response, t0, t, tags, transactionId, null);
  }

  /** This entry under another transaction id. */
  public HttpTransaction withTransactionId(long transactionId) {
    return new HttpTransaction(network, address, alpn, failure, request, response, t0, t, tags, transactionId,
        progress);
  }
}
