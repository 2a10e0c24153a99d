package dev.msgprobe.model;

import java.util.Locale;
import java.util.Set;

/**
 * Which endpoints get the bounded freeze/throttle transfer ({@code run --transfer}; step 7 of
 * docs/design/measurement.md):
 * {@link #ALL} every endpoint that carries data (schemes {@code http}, {@code https}, {@code wss}) and
 * every one marked {@code throughput}; {@link #MARKED} only those marked; {@link #NONE} none.
 */
public enum TransferMode {
  ALL, MARKED, NONE;

  /** The schemes whose connection carries application data the probe can push or pull. */
  static final Set<String> DATA_SCHEMES = Set.of("http", "https", "wss");

  /** The mode named {@code text} (case-insensitive). @throws IllegalArgumentException for any other word */
  public static TransferMode parse(String text) {
    for (TransferMode m : values()) {
      if (m.name().equalsIgnoreCase(text.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown transfer mode '" + text + "' (use all, marked or none)");
  }

  /** True when {@code e} gets a transfer in this mode. */
  public boolean selects(Endpoint e) {
    return switch (this) {
      case ALL -> e.throughput() || carriesData(e);
      case MARKED -> e.throughput();
      case NONE -> false;
    };
  }

  /**
   * True when {@code e} gets the download as well as the upload: only endpoints marked {@code throughput}
   * serve that much downstream; every other selected endpoint gets the upload alone.
   */
  public static boolean downloads(Endpoint e) {
    return e.throughput();
  }

  public static boolean carriesData(Endpoint e) {
    return DATA_SCHEMES.contains(e.scheme().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
