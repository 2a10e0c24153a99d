package dev.msgprobe.collector;

/**
 * A collector did not take what was sent. {@code refused} is true when it answered with a 4xx (the
 * measurement or report is wrong: sending it again will not help), false when it could not be reached or
 * failed (5xx, timeout: worth trying later).
 */
public final class CollectorException extends Exception {
  private final boolean refused;

  CollectorException(String message, boolean refused) {
    super(message);
    this.refused = refused;
  }

  public boolean refused() {
    return refused;
  }
}
