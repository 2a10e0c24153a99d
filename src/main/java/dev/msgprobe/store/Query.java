package dev.msgprobe.store;

import java.time.LocalDateTime;

/**
 * Which measurements to read: those started at or after {@code since} (UTC; null: all) of
 * {@code service} (null: every service; the run's controls are always included, they give the network
 * mode).
 */
public record Query(LocalDateTime since, String service) {
  public static final Query ALL = new Query(null, null);
}
