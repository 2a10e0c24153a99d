package dev.msgprobe.net;

import dev.msgprobe.model.DnsAnswer;
import java.util.List;
import java.util.Objects;

/**
 * One DNS round trip as a transport saw it. {@code engine} is {@code udp}, {@code tcp} or {@code doh};
 * {@code resolverAddress} is {@code ip:port} (brackets around IPv6) or the DoH URL; {@code hostname}
 * is the queried name without the trailing dot. {@code rcode} and {@code rawResponse} are those of the
 * reply, null when none was accepted. {@code answers} are the A, AAAA and CNAME records of the answer
 * section in wire order, null when {@code failure} (an OONI failure string) is set. {@code t0} and
 * {@code t} are seconds on the caller's clock: when the query was sent and when this reply arrived
 * (or the exchange failed).
 */
public record DnsExchange(
    String engine,
    String resolverAddress,
    String hostname,
    DnsQueryType queryType,
    Integer rcode,
    List<DnsAnswer> answers,
    byte[] rawResponse,
    String failure,
    double t0,
    double t) {

  public DnsExchange {
    answers = answers == null ? null : List.copyOf(answers);
  }

  /** The A/AAAA addresses answered, in order; empty on failure. */
  public List<String> addresses() {
    return answers == null ? List.of()
        : answers.stream().map(DnsAnswer::address).filter(Objects::nonNull).toList();
  }
}
