package dev.msgprobe.net;

import dev.msgprobe.model.DnsAnswer;
import dev.msgprobe.model.Failures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * Building queries and judging replies with dnsjava, shared by the transports. Queries carry RD and
 * no EDNS record, like a libc stub resolver.
 */
final class DnsMessages {
  private DnsMessages() {}

  /** A recursive query with a random ID. */
  static Message query(String hostname, DnsQueryType type) {
    String absolute = hostname.endsWith(".") ? hostname : hostname + ".";
    try {
      return Message.newQuery(Record.newRecord(Name.fromString(absolute), type.wireType, DClass.IN));
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a DNS name: " + hostname, e);
    }
  }

  /**
   * {@code ip:port}, brackets around an IPv6 address.
   *
   * @throws IllegalArgumentException when {@code resolver} is an unresolved name (resolvers are IPs)
   */
  static String endpoint(InetSocketAddress resolver) {
    if (resolver.isUnresolved()) {
      throw new IllegalArgumentException("a resolver must be an IP address: " + resolver);
    }
    String ip = IpLiterals.format(resolver.getAddress().getAddress());
    return IpEndpoint.join(ip, resolver.getPort());
  }

  /**
   * The reply in {@code wire} to {@code query}.
   *
   * @throws BadReply when it is not one: a different ID ({@code dns_reply_with_wrong_query_id}), or
   *     unparsable, not a response, or for another question ({@code dns_server_misbehaving})
   */
  static Message parseReply(Message query, byte[] wire) throws BadReply {
    int id = query.getHeader().getID();
    if (wire.length >= 2 && (((wire[0] & 0xff) << 8) | (wire[1] & 0xff)) != id) {
      throw new BadReply(Failures.DNS_WRONG_QUERY_ID);
    }
    Message reply;
    try {
      reply = new Message(wire);
    } catch (IOException e) {
      throw new BadReply(Failures.DNS_SERVER_MISBEHAVING);
    }
    Record question = reply.getQuestion();
    boolean sameQuestion = question == null || question.equals(query.getQuestion());
    if (!reply.getHeader().getFlag(Flags.QR) || !sameQuestion) {
      throw new BadReply(Failures.DNS_SERVER_MISBEHAVING);
    }
    return reply;
  }

  /** The OONI failure of a well-formed reply, null when it answers the question. */
  static String failureOf(Message reply, DnsQueryType type) {
    return switch (reply.getRcode()) {
      case Rcode.NOERROR -> reply.getSection(Section.ANSWER).stream()
          .anyMatch(r -> r.getType() == type.wireType) ? null : Failures.DNS_NO_ANSWER;
      case Rcode.NXDOMAIN -> Failures.DNS_NXDOMAIN;
      case Rcode.SERVFAIL -> Failures.DNS_SERVFAIL;
      case Rcode.REFUSED -> Failures.DNS_REFUSED;
      default -> Failures.DNS_SERVER_MISBEHAVING;
    };
  }

  /** The A, AAAA and CNAME records of the answer section, in wire order. */
  static List<DnsAnswer> answersOf(Message reply) {
    List<DnsAnswer> answers = new ArrayList<>();
    for (Record r : reply.getSection(Section.ANSWER)) {
      if (r instanceof ARecord) {
        answers.add(DnsAnswer.a(IpLiterals.format(r.rdataToWireCanonical()), r.getTTL()));
      } else if (r instanceof AAAARecord) {
        answers.add(DnsAnswer.aaaa(IpLiterals.format(r.rdataToWireCanonical()), r.getTTL()));
      } else if (r instanceof CNAMERecord cname) {
        answers.add(DnsAnswer.cname(cname.getTarget().toString(), cname.getTTL()));
      }
    }
    return answers;
  }

  /** A datagram or message that is not a valid reply to the query; {@link #failure} says why. */
  static final class BadReply extends Exception {
    final String failure;

    BadReply(String failure) {
      super(failure, null, false, false);
      this.failure = failure;
    }
  }
}
