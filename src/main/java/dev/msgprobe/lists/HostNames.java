package dev.msgprobe.lists;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** Host names as DNS can carry them: the one check for list entries and command-line names. */
public final class HostNames {
  /** The longest name DNS can carry: 255 octets on the wire are 253 characters without the final dot. */
  public static final int MAX_LENGTH = 253;
  private static final int MAX_LABEL = 63;
  private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?");

  private HostNames() {}

  /**
   * {@code text} in lower-case ASCII (IDN converted), without a final dot.
   *
   * @throws IllegalArgumentException naming the fault: an empty or bad label, a label over 63 characters,
   *     a name over {@link #MAX_LENGTH} characters
   */
  public static String normalise(String text) {
    String ascii;
    try {
      ascii = IDN.toASCII(text, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad host name '" + text + "'");
    }
    String name = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("host name longer than " + MAX_LENGTH + " characters (" + name.length() + ")");
    }
    for (String label : name.split("\\.", -1)) {
      if (label.length() > MAX_LABEL || !LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException("bad host name '" + text + "'");
      }
    }
    return name;
  }
}
