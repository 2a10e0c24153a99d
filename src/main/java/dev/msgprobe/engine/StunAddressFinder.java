package dev.msgprobe.engine;

import dev.msgprobe.net.IpLiterals;
import dev.msgprobe.net.StunClient;
import dev.msgprobe.net.StunOutcome;
import dev.msgprobe.net.StunSchedule;
import dev.msgprobe.trace.Trace;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Learns the public address as OONI's probe does: a STUN Binding Request to each server in turn
 * ({@code HOST:PORT}; a name is resolved by the system resolver), the first mapped address wins.
 * A short schedule (three transmissions, about two seconds a server) keeps the run's start quick. The
 * transaction's network events stay here: they would carry the address into no report.
 */
final class StunAddressFinder implements PublicAddressFinder {
  static final StunSchedule SCHEDULE = new StunSchedule(Duration.ofMillis(300), 3, 4);

  private final StunClient client;

  StunAddressFinder(StunClient client) {
    this.client = client;
  }

  StunAddressFinder() {
    this(new StunClient(SCHEDULE));
  }

  @Override
  public Optional<InetAddress> find(List<String> servers) {
    for (String server : servers) {
      Optional<InetSocketAddress> target = resolve(server);
      if (target.isEmpty()) {
        continue;
      }
      StunOutcome outcome = client.bind(target.get(), 0, new Trace(), 1, List.of("probe-location"));
      if (outcome.answered() && outcome.reply().success() && outcome.reply().mapped() != null) {
        return Optional.of(outcome.reply().mapped().getAddress());
      }
    }
    return Optional.empty();
  }

  /** {@code HOST:PORT} or {@code [IPv6]:PORT}; empty when the name does not resolve. */
  static Optional<InetSocketAddress> resolve(String server) {
    int colon = server.lastIndexOf(':');
    String host = server.substring(0, colon);
    int port = Integer.parseInt(server.substring(colon + 1));
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      InetAddress a = IpLiterals.isLiteral(host) ? IpLiterals.parse(host) : InetAddress.getByName(host);
      return Optional.of(new InetSocketAddress(a, port));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
