package dev.msgprobe.net;

import java.io.Closeable;
import java.io.IOException;

/** Small socket chores shared by the network edge. */
public final class Sockets {
  private Sockets() {}

  /** Closes {@code c} if not null, ignoring errors: used on paths that already failed or finished. */
  public static void closeQuietly(Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException ignored) {
      // the connection is being abandoned; its close outcome is not an observation
    }
  }
}
