package dev.msgprobe.net;

import java.util.List;

/**
 * What one UDP query got: {@code first}, the first valid reply (or the failure when none came), and
 * {@code late}, every further valid reply received before the listening deadline, in arrival order
 * (several replies to one query are a sign of on-path injection).
 */
public record DnsUdpReplies(DnsExchange first, List<DnsExchange> late) {

  public DnsUdpReplies {
    late = List.copyOf(late);
  }
}
