package dev.msgprobe.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * How a run learns where it is. {@code probeAsn}/{@code probeCc} (null = look it up) override the
 * lookup; {@code noGeoip} looks nothing up in any database; {@code asnDbs} are MaxMind DB files used
 * instead of the bundled data; {@code stunServers} ({@code HOST:PORT}, empty = none) are asked for the
 * public address, which is used for the lookup and scrubbed from the report; {@code ipEcho} (an https
 * URL, null = none) is asked for it only when STUN learnt none.
 */
public record GeoOptions(Long probeAsn, String probeCc, boolean noGeoip, List<Path> asnDbs, List<String> stunServers,
    String ipEcho) {
  /** Public STUN servers asked by default (OONI's probe asks a similar list). */
  public static final List<String> DEFAULT_STUN = List.of(
      "stun.l.google.com:19302", "stun.cloudflare.com:3478", "stun.nextcloud.com:443");

  /** No lookups and no STUN: what a run without any of these options did before. */
  public static final GeoOptions OFF = new GeoOptions(null, null, true, List.of(), List.of());

  public GeoOptions {
    asnDbs = List.copyOf(asnDbs);
    stunServers = List.copyOf(stunServers);
  }

  /** No address-echo fallback. */
  public GeoOptions(Long probeAsn, String probeCc, boolean noGeoip, List<Path> asnDbs, List<String> stunServers) {
    this(probeAsn, probeCc, noGeoip, asnDbs, stunServers, null);
  }
}
