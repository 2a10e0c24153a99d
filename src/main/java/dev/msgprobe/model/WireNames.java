package dev.msgprobe.model;

import java.util.function.Function;

/** Reading an enum from its wire name, the way every vocabulary of the report is read. */
final class WireNames {
  private WireNames() {}

  /**
   * The constant whose wire name is {@code wire}; null for a name this version does not know, so a
   * report written by a newer msgprobe stays readable with that value unknown.
   */
  static <E extends Enum<E>> E lookup(E[] values, Function<E, String> wireName, String wire) {
    for (E e : values) {
      if (wireName.apply(e).equals(wire)) {
        return e;
      }
    }
    return null;
  }
}
