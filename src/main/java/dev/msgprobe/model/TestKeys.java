package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code test_keys} of a msgprobe measurement: OONI's templates (every attempt, tagged with
 * {@link Tags}), msgprobe's transfers, and the verdict. Observations never depend on the verdict;
 * {@link #withVerdict} attaches it after analysis. {@code quic_handshakes} is written only when a QUIC
 * handshake was made, {@code endpoint} (stunreachability's {@code host:port}) only for a STUN endpoint.
 */
@JsonPropertyOrder({"agent", "endpoint", "failed_operation", "failure", "queries", "tcp_connect", "tls_handshakes",
    "quic_handshakes", "requests", "network_events", "x_transfers", "verdict"})
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
    @JsonProperty("verdict") Verdict verdict,
    @JsonProperty("quic_handshakes") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TlsHandshake> quicHandshakes,
    @JsonProperty("endpoint") @JsonInclude(JsonInclude.Include.NON_NULL) String endpoint) {

  /** Test keys without QUIC handshakes or a STUN endpoint. */
  public TestKeys(String agent, String failedOperation, String failure, List<DnsQuery> queries,
      List<TcpConnect> tcpConnect, List<TlsHandshake> tlsHandshakes, List<HttpTransaction> requests,
      List<NetworkEvent> networkEvents, List<Transfer> transfers, Verdict verdict) {
    this(agent, failedOperation, failure, queries, tcpConnect, tlsHandshakes, requests, networkEvents, transfers,
        verdict, List.of(), null);
  }

  public TestKeys {
    queries = queries == null ? List.of() : List.copyOf(queries);
    tcpConnect = tcpConnect == null ? List.of() : List.copyOf(tcpConnect);
    tlsHandshakes = tlsHandshakes == null ? List.of() : List.copyOf(tlsHandshakes);
    requests = requests == null ? List.of() : List.copyOf(requests);
    networkEvents = networkEvents == null ? List.of() : List.copyOf(networkEvents);
    transfers = transfers == null ? List.of() : List.copyOf(transfers);
    quicHandshakes = quicHandshakes == null ? List.of() : List.copyOf(quicHandshakes);
  }

  /** No observation at all (agent {@code redirect}, as every msgprobe measurement). */
  public static TestKeys empty() {
    return new TestKeys("redirect", null, null, null, null, null, null, null, null, null);
  }

  /** The same observations with the top-level {@code failure} set (OONI's string form). */
  public TestKeys withFailure(String f) {
    return new TestKeys(agent, failedOperation, f, queries, tcpConnect, tlsHandshakes, requests, networkEvents,
        transfers, verdict, quicHandshakes, endpoint);
  }

  /** These observations with other DNS queries (e.g. their answers annotated with networks). */
  public TestKeys withQueries(List<DnsQuery> queries) {
    return new TestKeys(agent, failedOperation, failure, queries, tcpConnect, tlsHandshakes, requests,
        networkEvents, transfers, verdict, quicHandshakes, endpoint);
  }

  public TestKeys withVerdict(Verdict v) {
    return new TestKeys(agent, failedOperation, failure, queries, tcpConnect, tlsHandshakes, requests,
        networkEvents, transfers, v, quicHandshakes, endpoint);
  }
}
