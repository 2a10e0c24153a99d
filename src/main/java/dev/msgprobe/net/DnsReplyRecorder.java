package dev.msgprobe.net;

import java.util.function.DoubleSupplier;
import org.xbill.DNS.Message;

/** Turns the one reply (or the failure) of a single-reply exchange into a {@link DnsExchange}; {@code t0} is taken at construction. */
final class DnsReplyRecorder {
  private final String engine;
  private final String resolverAddress;
  private final String hostname;
  private final DnsQueryType type;
  private final DoubleSupplier clock;
  private final double t0;

  DnsReplyRecorder(String engine, String resolverAddress, String hostname, DnsQueryType type, DoubleSupplier clock) {
    this.engine = engine;
    this.resolverAddress = resolverAddress;
    this.hostname = hostname.endsWith(".") ? hostname.substring(0, hostname.length() - 1) : hostname;
    this.type = type;
    this.clock = clock;
    this.t0 = clock.getAsDouble();
  }

  /** The exchange for {@code wire}, received now in answer to {@code query}. */
  DnsExchange reply(Message query, byte[] wire) {
    double t = clock.getAsDouble();
    Message reply;
    try {
      reply = DnsMessages.parseReply(query, wire);
    } catch (DnsMessages.BadReply bad) {
      return new DnsExchange(engine, resolverAddress, hostname, type, null, null, wire, bad.failure, t0, t);
    }
    return answered(reply, wire, t);
  }

  /** The exchange for {@code reply}, a valid reply parsed from {@code wire}, received at {@code t}. */
  DnsExchange answered(Message reply, byte[] wire, double t) {
    String failure = DnsMessages.failureOf(reply, type);
    return new DnsExchange(engine, resolverAddress, hostname, type, reply.getRcode(),
        failure == null ? DnsMessages.answersOf(reply) : null, wire, failure, t0, t);
  }

  /** An exchange that failed now without a usable reply. */
  DnsExchange failed(String failure) {
    return failed(failure, clock.getAsDouble());
  }

  /** An exchange that failed at {@code t} without a usable reply. */
  DnsExchange failed(String failure, double t) {
    return new DnsExchange(engine, resolverAddress, hostname, type, null, null, null, failure, t0, t);
  }

  double now() {
    return clock.getAsDouble();
  }
}
