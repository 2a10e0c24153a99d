package dev.msgprobe.store;

/** A store could not be opened, read or written; the message names the store and what failed. */
public final class StoreException extends Exception {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
