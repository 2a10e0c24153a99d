package dev.msgprobe.testing;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Message;

/**
 * The script of fake resolvers: per name (case-insensitive, trailing dot optional) and transport, a
 * {@link FakeDnsBehaviour}; unscripted names get REFUSED. Counts the queries it handles. Thread-safe;
 * one zone may serve a {@link FakeDnsServer} and a {@link FakeDnsOverHttpsServer} at once.
 */
public final class FakeDnsZone {
  /** How a query reached the fake. */
  public enum Transport { UDP, TCP, HTTPS }

  private final Map<String, Map<Transport, FakeDnsBehaviour>> script = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  /** {@code name} handled by {@code behaviour} over every transport. */
  public FakeDnsZone on(String name, FakeDnsBehaviour behaviour) {
    for (Transport t : Transport.values()) {
      on(name, t, behaviour);
    }
    return this;
  }

  /** {@code name} handled by {@code behaviour} over {@code transport} only. */
  public FakeDnsZone on(String name, Transport transport, FakeDnsBehaviour behaviour) {
    script.computeIfAbsent(key(name), k -> new EnumMap<>(Transport.class)).put(transport, behaviour);
    return this;
  }

  /** Shorthand for {@code on(name, FakeDnsBehaviour.answer(addresses))}. */
  public FakeDnsZone answer(String name, String... addresses) {
    return on(name, FakeDnsBehaviour.answer(addresses));
  }

  /** How many queries for {@code name} arrived over {@code transport}. */
  public int queries(String name, Transport transport) {
    AtomicInteger n = counts.get(key(name) + " " + transport);
    return n == null ? 0 : n.get();
  }

  /** The replies to {@code query}, counted. */
  List<FakeDnsReply> handle(Message query, Transport transport) {
    String name = key(query.getQuestion().getName().toString());
    counts.computeIfAbsent(name + " " + transport, k -> new AtomicInteger()).incrementAndGet();
    Map<Transport, FakeDnsBehaviour> byTransport = script.getOrDefault(name, Map.of());
    return byTransport.getOrDefault(transport, FakeDnsBehaviour.refused()).replies(query);
  }

  private static String key(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
