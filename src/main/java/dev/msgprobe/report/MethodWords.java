package dev.msgprobe.report;

import dev.msgprobe.i18n.Texts;
import dev.msgprobe.model.Method;

/** Each verdict method in plain words (the bundle's {@code method.<wire name>}), for the legends of the HTML pages. */
public final class MethodWords {
  private MethodWords() {}

  /** The plain English words for the method named {@code wire}; null for a name this version does not know. */
  public static String of(String wire) {
    return of(wire, Texts.english());
  }

  /** The plain words for the method named {@code wire} in the reader's language; null for a name this version does not know. */
  public static String of(String wire, Texts texts) {
    Method m = Method.fromWire(wire);
    return m == null ? null : texts.find("method." + m.wire());
  }
}
