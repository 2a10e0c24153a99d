package dev.msgprobe.net;

/**
 * The outcome of one STUN Binding transaction. {@code reply} (null on failure) carries the mapped
 * address, which is the probe's public address: callers may use it, reports must never show it.
 *
 * @param address the server's {@code ip:port}
 * @param failure the OONI failure string, null when a response came
 * @param requestBytes the size of the request datagram
 * @param transmissions how many times the request was sent
 */
public record StunOutcome(String address, String failure, StunReply reply, int requestBytes, int transmissions,
    double t0, double t) {
  public boolean answered() {
    return reply != null;
  }
}
