package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One answer record of a DNS query (df-002-dnst). {@code hostname} is set for CNAME answers. */
@JsonPropertyOrder({"answer_type", "asn", "as_org_name", "hostname", "ipv4", "ipv6", "ttl"})
public record DnsAnswer(
    @JsonProperty("answer_type") String answerType,
    @JsonProperty("asn") Long asn,
    @JsonProperty("as_org_name") String asOrgName,
    @JsonProperty("hostname") String hostname,
    @JsonProperty("ipv4") String ipv4,
    @JsonProperty("ipv6") String ipv6,
    @JsonProperty("ttl") Long ttl) {

  public static DnsAnswer a(String ip, long ttl) {
    return new DnsAnswer("A", null, null, null, ip, null, ttl);
  }

  public static DnsAnswer aaaa(String ip, long ttl) {
    return new DnsAnswer("AAAA", null, null, null, null, ip, ttl);
  }

  public static DnsAnswer cname(String target, long ttl) {
    return new DnsAnswer("CNAME", null, null, target, null, null, ttl);
  }

  /** This answer placed in AS {@code asn} (0 = unknown) of {@code asOrgName} (null = unknown). */
  public DnsAnswer withNetwork(long asn, String asOrgName) {
    return new DnsAnswer(answerType, asn, asOrgName, hostname, ipv4, ipv6, ttl);
  }

  /** The address of an A or AAAA answer, else null. */
  public String address() {
    return ipv4 != null ? ipv4 : ipv6;
  }
}
