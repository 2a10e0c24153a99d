package dev.msgprobe.net;

import java.util.function.DoubleSupplier;

/**
 * A DNS transport that gets exactly one reply per query (TCP, DoH). Implementations never throw for
 * network failures: they return an exchange whose {@code failure} is set. {@code clock} gives the
 * seconds used for {@code t0}/{@code t}. Thread-safe: each exchange uses its own connection.
 */
public interface DnsTransport {
  DnsExchange exchange(String hostname, DnsQueryType type, DoubleSupplier clock);
}
