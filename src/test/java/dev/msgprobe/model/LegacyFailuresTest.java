package dev.msgprobe.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LegacyFailuresTest {
  @Test
  void dnsFailures_areOohelperdsLegacyStrings() {
    assertThat(LegacyFailures.dns(null)).isNull();
    assertThat(LegacyFailures.dns(Failures.DNS_NO_ANSWER)).isNull();
    assertThat(LegacyFailures.dns(Failures.DNS_NXDOMAIN)).isEqualTo("dns_name_error");
    assertThat(LegacyFailures.dns(Failures.DNS_REFUSED)).isEqualTo("dns_server_failure");
    assertThat(LegacyFailures.dns(Failures.DNS_SERVER_MISBEHAVING)).isEqualTo("dns_server_failure");
    assertThat(LegacyFailures.dns(Failures.DNS_SERVFAIL)).isEqualTo("unknown_error");
    assertThat(LegacyFailures.dns(Failures.GENERIC_TIMEOUT)).isEqualTo("unknown_error");
  }

  @Test
  void tcpFailures_areRefusedTimeoutOrConnectError() {
    assertThat(LegacyFailures.tcp(null)).isNull();
    assertThat(LegacyFailures.tcp(Failures.CONNECTION_REFUSED)).isEqualTo("connection_refused_error");
    assertThat(LegacyFailures.tcp(Failures.GENERIC_TIMEOUT)).isEqualTo("generic_timeout_error");
    assertThat(LegacyFailures.tcp(Failures.CONNECTION_RESET)).isEqualTo("connect_error");
    assertThat(LegacyFailures.tcp(Failures.UNKNOWN)).isEqualTo("connect_error");
  }

  @Test
  void httpFailures_nameDnsTroubleAsDnsLookupError() {
    assertThat(LegacyFailures.http(Failures.DNS_NXDOMAIN, true)).isEqualTo("dns_lookup_error");
    assertThat(LegacyFailures.http(Failures.GENERIC_TIMEOUT, true)).isEqualTo("dns_lookup_error");
    assertThat(LegacyFailures.http(Failures.DNS_BOGON, true)).isEqualTo("unknown_error");
    assertThat(LegacyFailures.http(Failures.GENERIC_TIMEOUT, false)).isEqualTo("generic_timeout_error");
    assertThat(LegacyFailures.http(Failures.CONNECTION_REFUSED, false)).isEqualTo("connection_refused_error");
    assertThat(LegacyFailures.http(Failures.SSL_UNKNOWN_AUTHORITY, false)).isEqualTo("unknown_error");
    assertThat(LegacyFailures.http(null, false)).isNull();
  }
}
