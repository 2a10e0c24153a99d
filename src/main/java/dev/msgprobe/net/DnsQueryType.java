package dev.msgprobe.net;

import org.xbill.DNS.Type;

/** The query types msgprobe asks for; {@link #name()} is OONI's {@code query_type}. */
public enum DnsQueryType {
  A(Type.A),
  AAAA(Type.AAAA);

  final int wireType;

  DnsQueryType(int wireType) {
    this.wireType = wireType;
  }
}
