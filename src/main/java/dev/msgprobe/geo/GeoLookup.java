package dev.msgprobe.geo;

import java.net.InetAddress;

/** Looks addresses up in local data; thread-safe; never opens a socket. */
public interface GeoLookup {
  /** The owner of {@code address}, {@link NetworkOwner#UNKNOWN} (or partly unknown) when the data has no range for it. */
  NetworkOwner lookup(InetAddress address);

  /** Where the data comes from and how old it is, for {@code --version} and the summary. */
  String description();

  /** Looks nothing up: the run said {@code --no-geoip}. */
  GeoLookup NONE = new GeoLookup() {
    @Override
    public NetworkOwner lookup(InetAddress address) {
      return NetworkOwner.UNKNOWN;
    }

    @Override
    public String description() {
      return "none";
    }
  };
}
