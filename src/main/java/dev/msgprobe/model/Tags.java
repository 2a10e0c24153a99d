package dev.msgprobe.model;

/**
 * The tags that say which step produced an observation. Measurement writes them, analysis reads
 * them; an observation with none of the differential tags is part of the main path.
 */
public final class Tags {
  /** DNS over UDP to the resolver under test (the main path's DNS). */
  public static final String SYSTEM = "system";
  /** DNS over TCP to the resolver under test. */
  public static final String TCP_DNS = "tcp-dns";
  /** DNS over HTTPS to a trusted resolver. */
  public static final String DOH = "doh";
  /** A UDP DNS reply that arrived after the first one for the same query (a sign of injection). */
  public static final String LATE = "late";
  /** A lookup of a resolver-echo name, to learn which resolver really answers. */
  public static final String RESOLVER_ECHO = "resolver-echo";
  /** A TLS handshake with the decoy SNI to the endpoint's address. */
  public static final String DECOY_SNI = "decoy-sni";
  /** A TLS handshake with no SNI at all to the endpoint's address. */
  public static final String NO_SNI = "no-sni";
  /** A step on an address that only the trusted resolvers returned. */
  public static final String TRUSTED_ADDRESS = "trusted-address";
  /** A handshake that validates, for the name, an address the resolver under test returned and DoH did not. */
  public static final String VALIDATE = "validate";
  /** The second attempt of a failed step. */
  public static final String RETRY = "retry";
  /** A throughput or stall transfer. */
  public static final String THROUGHPUT = "throughput";
  /** A TCP+TLS handshake to a QUIC endpoint's address: does the host work without QUIC? */
  public static final String TCP_TLS = "tcp-tls";
  /** A STUN request padded past the 1001-byte UDP payload threshold of QUIC filtering. */
  public static final String LARGE_DATAGRAM = "large-datagram";
  /** An observation made by the control vantage. */
  public static final String CONTROL = "control";

  private Tags() {}
}
