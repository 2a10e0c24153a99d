package dev.msgprobe.testing;

import java.time.Duration;

/**
 * One thing a fake resolver sends in answer to a query: {@code wire} after {@code delay}, or, when
 * {@code reset}, a TCP reset instead (over UDP a reset sends nothing).
 */
public record FakeDnsReply(Duration delay, byte[] wire, boolean reset) {

  public static FakeDnsReply now(byte[] wire) {
    return new FakeDnsReply(Duration.ZERO, wire, false);
  }

  public FakeDnsReply after(Duration extra) {
    return new FakeDnsReply(delay.plus(extra), wire, reset);
  }
}
