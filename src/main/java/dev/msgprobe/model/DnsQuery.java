package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One DNS round trip (df-002-dnst). {@code engine} is {@code udp}, {@code tcp} or {@code doh};
 * {@code resolver_address} is {@code ip:port} or the DoH URL. {@code answers} is null on failure.
 */
@JsonPropertyOrder({"answers", "engine", "failure", "hostname", "query_type", "raw_response", "rcode",
    "resolver_address", "resolver_hostname", "resolver_port", "t0", "t", "tags", "transaction_id"})
public record DnsQuery(
    @JsonProperty("answers") List<DnsAnswer> answers,
    @JsonProperty("engine") String engine,
    @JsonProperty("failure") String failure,
    @JsonProperty("hostname") String hostname,
    @JsonProperty("query_type") String queryType,
    @JsonProperty("raw_response") BinaryData rawResponse,
    @JsonProperty("rcode") Integer rcode,
    @JsonProperty("resolver_address") String resolverAddress,
    @JsonProperty("resolver_hostname") String resolverHostname,
    @JsonProperty("resolver_port") String resolverPort,
    @JsonProperty("t0") double t0,
    @JsonProperty("t") double t,
    @JsonProperty("tags") List<String> tags,
    @JsonProperty("transaction_id") long transactionId) implements Tagged {

  /** This entry under another transaction id. */
  public DnsQuery withTransactionId(long transactionId) {
    return new DnsQuery(answers, engine, failure, hostname, queryType, rawResponse, rcode, resolverAddress, resolverHostname, resolverPort, t0, t, tags, transactionId);
  }


  /** The A/AAAA addresses answered, in order; empty on failure. */
  public List<String> addresses() {
    return answers == null ? List.of()
        : answers.stream().map(DnsAnswer::address).filter(Objects::nonNull).toList();
  }
}
