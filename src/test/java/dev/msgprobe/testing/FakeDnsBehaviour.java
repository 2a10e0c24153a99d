package dev.msgprobe.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
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
import org.xbill.DNS.Type;

/**
 * What a fake resolver does with one query: the replies it sends (none = silence). Over TCP and
 * HTTPS only the first reply is sent. Answers hold only the records of the queried type, so a name
 * answered with IPv4 addresses has no AAAA data.
 */
@FunctionalInterface
public interface FakeDnsBehaviour {
  long TTL = 60;

  List<FakeDnsReply> replies(Message query);

  /** NOERROR with the addresses (IPv4 or IPv6 literals) of the queried type. */
  static FakeDnsBehaviour answer(String... addresses) {
    return query -> List.of(FakeDnsReply.now(reply(query, Rcode.NOERROR, null, addresses).toWire()));
  }

  /** NOERROR with a CNAME to {@code target}, then the target's addresses of the queried type. */
  static FakeDnsBehaviour cname(String target, String... addresses) {
    return query -> List.of(FakeDnsReply.now(reply(query, Rcode.NOERROR, target, addresses).toWire()));
  }

  static FakeDnsBehaviour rcode(int rcode) {
    return query -> List.of(FakeDnsReply.now(reply(query, rcode, null).toWire()));
  }

  static FakeDnsBehaviour nxdomain() {
    return rcode(Rcode.NXDOMAIN);
  }

  /** NOERROR with an empty answer section. */
  static FakeDnsBehaviour noAnswer() {
    return rcode(Rcode.NOERROR);
  }

  static FakeDnsBehaviour servfail() {
    return rcode(Rcode.SERVFAIL);
  }

  static FakeDnsBehaviour refused() {
    return rcode(Rcode.REFUSED);
  }

  static FakeDnsBehaviour silence() {
    return query -> List.of();
  }

  /** A TCP reset when the query arrives (nothing over UDP). */
  static FakeDnsBehaviour reset() {
    return query -> List.of(new FakeDnsReply(Duration.ZERO, null, true));
  }

  /** A reply with the addresses but with the query ID plus one. */
  static FakeDnsBehaviour wrongId(String... addresses) {
    return query -> {
      Message reply = reply(query, Rcode.NOERROR, null, addresses);
      reply.getHeader().setID((query.getHeader().getID() + 1) & 0xffff);
      return List.of(FakeDnsReply.now(reply.toWire()));
    };
  }

  /** Bytes that are no DNS message, behind the query's ID. */
  static FakeDnsBehaviour garbage() {
    return query -> {
      int id = query.getHeader().getID();
      return List.of(FakeDnsReply.now(new byte[] {(byte) (id >>> 8), (byte) id, 1, 2, 3}));
    };
  }

  /** On-path injection: {@code forged}'s replies at once, then {@code real}'s {@code delay} later. */
  static FakeDnsBehaviour race(FakeDnsBehaviour forged, Duration delay, FakeDnsBehaviour real) {
    return query -> {
      List<FakeDnsReply> replies = new ArrayList<>(forged.replies(query));
      real.replies(query).forEach(r -> replies.add(r.after(delay)));
      return replies;
    };
  }

  /** This behaviour's replies, each {@code delay} later. */
  default FakeDnsBehaviour delayed(Duration delay) {
    return query -> replies(query).stream().map(r -> r.after(delay)).toList();
  }

  private static Message reply(Message query, int rcode, String cname, String... addresses) {
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setFlag(Flags.RD);
    reply.getHeader().setFlag(Flags.RA);
    reply.getHeader().setRcode(rcode);
    Record question = query.getQuestion();
    reply.addRecord(question, Section.QUESTION);
    Name owner = question.getName();
    try {
      if (cname != null) {
        Name target = Name.fromString(cname.endsWith(".") ? cname : cname + ".");
        reply.addRecord(new CNAMERecord(owner, DClass.IN, TTL, target), Section.ANSWER);
        owner = target;
      }
      for (String address : addresses) {
        InetAddress ip = InetAddress.getByName(address);
        boolean v6 = address.indexOf(':') >= 0;
        if (!v6 && question.getType() == Type.A) {
          reply.addRecord(new ARecord(owner, DClass.IN, TTL, ip), Section.ANSWER);
        } else if (v6 && question.getType() == Type.AAAA) {
          reply.addRecord(new AAAARecord(owner, DClass.IN, TTL, ip.getAddress()), Section.ANSWER);
        }
      }
    } catch (TextParseException | UnknownHostException e) {
      throw new IllegalArgumentException("bad fake DNS data: " + cname + " " + List.of(addresses), e);
    }
    return reply;
  }
}
