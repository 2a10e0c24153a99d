package dev.msgprobe.measure;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One transfer at a time per address, across the whole run: two transfers sharing a path to one
 * address at once would slow each other and read as throttling, and are not independent samples.
 * Keyed by IP address alone (a censor polices an address, whatever the port). Thread-safe.
 */
final class TransferSlots {
  private final Map<String, Semaphore> byAddress = new ConcurrentHashMap<>();

  /**
   * Runs {@code transfer} once no other transfer to {@code ip} runs. Returns false, without running it,
   * when the thread is interrupted while waiting (the flag is kept).
   */
  boolean exclusively(String ip, Runnable transfer) {
    Semaphore slot = byAddress.computeIfAbsent(ip.toLowerCase(Locale.ROOT), a -> new Semaphore(1, true));
    try {
      slot.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      transfer.run();
      return true;
    } finally {
      slot.release();
    }
  }
}
