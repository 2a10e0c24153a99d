package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code test_keys} of a msgprobe measurement: OONI's templates (every attempt, tagged with
 * {@link Tags}), msgprobe's transfers, and the verdict. Observations never depend on the verdict;
 * {@link #withVerdict} attaches it after analysis.
 */
@JsonPropertyOrder({"agent", "failed_operation", "failure", "queries", "tcp_connect", "tls_handshakes", "requests",
    "network_events", "x_transfers", "verdict"})
public record TestKeys(
    @JsonProperty("agent") String agent,
    @JsonProperty("failed_operation") String failedOperation,
    @JsonProperty("failure") String failure,
    @JsonProperty("queries") List<DnsQuery> queries,
    @JsonProperty("tcp_connect") List<TcpConnect> tcpConnect,
    @JsonProperty("tls_handshakes") List<TlsHandshake> tlsHandshakes,
    @JsonProperty("requests") List<HttpTransaction> requests,
    @JsonProperty("network_events") List<NetworkEvent> networkEvents,
    @JsonProperty("x_transfers") List<Transfer> transfers,
    @JsonProperty("verdict") Verdict verdict) {

  public TestKeys {
    queries = queries == null ? List.of() : List.copyOf(queries);
    tcpConnect = tcpConnect == null ? List.of() : List.copyOf(tcpConnect);
    tlsHandshakes = tlsHandshakes == null ? List.of() : List.copyOf(tlsHandshakes);
    requests = requests == null ? List.of() : List.copyOf(requests);
    networkEvents = networkEvents == null ? List.of() : List.copyOf(networkEvents);
    transfers = transfers == null ? List.of() : List.copyOf(transfers);
  }

  /** No observation at all (agent {@code redirect}, as every msgprobe measurement). */
  public static TestKeys empty() {
    return new TestKeys("redirect", null, null, null, null, null, null, null, null, null);
  }

  /** The same observations with the top-level {@code failure} set (OONI's string form). */
  public TestKeys withFailure(String f) {
    return new TestKeys(agent, failedOperation, f, queries, tcpConnect, tlsHandshakes, requests, networkEvents,
        transfers, verdict);
  }

  /** These observations with other DNS queries (e.g. their answers annotated with networks). */
  public TestKeys withQueries(List<DnsQuery> queries) {
    return new TestKeys(agent, failedOperation, failure, queries, tcpConnect, tlsHandshakes, requests,
        networkEvents, transfers, verdict);
  }

  public TestKeys withVerdict(Verdict v) {
    return new TestKeys(agent, failedOperation, failure, queries, tcpConnect, tlsHandshakes, requests,
        networkEvents, transfers, v);
  }
}
