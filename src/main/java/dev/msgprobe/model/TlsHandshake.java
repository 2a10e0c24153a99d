package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One TLS handshake (df-006-tlshandshake). {@code server_name} is the SNI sent (null when none was
 * sent); {@code peer_certificates} is the chain as presented, leaf first, captured even when
 * validation failed.
 */
@JsonPropertyOrder({"network", "address", "cipher_suite", "failure", "negotiated_protocol", "no_tls_verify",
    "peer_certificates", "server_name", "t0", "t", "tags", "tls_version", "transaction_id"})
public record TlsHandshake(
    @JsonProperty("network") String network,
    @JsonProperty("address") String address,
    @JsonProperty("cipher_suite") String cipherSuite,
    @JsonProperty("failure") String failure,
    @JsonProperty("negotiated_protocol") String negotiatedProtocol,
    @JsonProperty("no_tls_verify") boolean noTlsVerify,
    @JsonProperty("peer_certificates") List<BinaryData> peerCertificates,
    @JsonProperty("server_name") String serverName,
    @JsonProperty("t0") double t0,
    @JsonProperty("t") double t,
    @JsonProperty("tags") List<String> tags,
    @JsonProperty("tls_version") String tlsVersion,
    @JsonProperty("transaction_id") long transactionId) implements Tagged {
  /** This entry under another transaction id. */
  public TlsHandshake withTransactionId(long transactionId) {
    return new TlsHandshake(network, address, cipherSuite, failure, negotiatedProtocol, noTlsVerify, peerCertificates, serverName, t0, t, tags, tlsVersion, transactionId);
  }
}
