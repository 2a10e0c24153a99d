package dev.msgprobe.model;

/** OONI's canonical failure strings (df-007-errors) that msgprobe emits. */
public final class Failures {
  public static final String CONNECTION_REFUSED = "connection_refused";
  public static final String CONNECTION_RESET = "connection_reset";
  public static final String CONNECTION_ABORTED = "connection_aborted";
  public static final String HOST_UNREACHABLE = "host_unreachable";
  public static final String NETWORK_UNREACHABLE = "network_unreachable";
  public static final String TIMED_OUT = "timed_out";
  public static final String GENERIC_TIMEOUT = "generic_timeout_error";
  public static final String EOF = "eof_error";
  public static final String INTERRUPTED = "interrupted";
  public static final String DNS_NXDOMAIN = "dns_nxdomain_error";
  public static final String DNS_NO_ANSWER = "dns_no_answer";
  public static final String DNS_REFUSED = "dns_refused_error";
  public static final String DNS_SERVFAIL = "dns_servfail_error";
  public static final String DNS_SERVER_MISBEHAVING = "dns_server_misbehaving";
  public static final String DNS_BOGON = "dns_bogon_error";
  public static final String DNS_WRONG_QUERY_ID = "dns_reply_with_wrong_query_id";
  public static final String SSL_INVALID_HOSTNAME = "ssl_invalid_hostname";
  public static final String SSL_UNKNOWN_AUTHORITY = "ssl_unknown_authority";
  public static final String SSL_INVALID_CERTIFICATE = "ssl_invalid_certificate";
  public static final String SSL_FAILED_HANDSHAKE = "ssl_failed_handshake";
  public static final String HTTP_UNEXPECTED_STATUS_CODE = "http_unexpected_status_code";
  public static final String HTTP_INVALID_REDIRECT_LOCATION_HOST = "http_invalid_redirect_location_host";
  public static final String UNKNOWN = "unknown_failure";

  /**
   * msgprobe's: a response still arriving when the request's deadline passed, no read having waited a
   * whole timeout for data: the server is slow (or the path slows it), the data never stopped.
   */
  public static final String STILL_ARRIVING = UNKNOWN + ": the response was still arriving at the deadline"
      + " (a slow server; no read waited a whole timeout for data)";

  /** The same failure as {@link #STILL_ARRIVING}, as reports recorded it when only a body could be slow. */
  private static final String STILL_ARRIVING_BODY = UNKNOWN + ": the response body was still arriving at the"
      + " call's deadline (a slow server; the data never stopped for a whole timeout)";

  private Failures() {}

  public static boolean isTimeout(String failure) {
    return GENERIC_TIMEOUT.equals(failure) || TIMED_OUT.equals(failure);
  }

  /** True for {@link #STILL_ARRIVING}: data slow from the start, not a stall and not a network timeout. */
  public static boolean isStillArriving(String failure) {
    return STILL_ARRIVING.equals(failure) || STILL_ARRIVING_BODY.equals(failure);
  }

  public static boolean isCertificateError(String failure) {
    return SSL_INVALID_HOSTNAME.equals(failure) || SSL_UNKNOWN_AUTHORITY.equals(failure)
        || SSL_INVALID_CERTIFICATE.equals(failure);
  }
}
