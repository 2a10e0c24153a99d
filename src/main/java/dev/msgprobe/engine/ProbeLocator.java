package dev.msgprobe.engine;

import dev.msgprobe.geo.GeoLookup;
import dev.msgprobe.geo.NetworkOwner;
import dev.msgprobe.net.IpLiterals;
import java.io.IOException;
import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides {@link ProbeLocation} once per run: the public address from STUN (else from the
 * {@code --ip-echo} URL when one is given, else a public interface address), looked up in the geo
 * data; {@code --probe-asn}/{@code --probe-cc} override the lookup and {@code --no-geoip} skips it.
 * The public address is learnt even then, so it can be scrubbed.
 */
final class ProbeLocator {
  private final GeoOptions options;
  private final GeoLookup geo;
  private final PublicAddressFinder finder;
  private final AddressEcho echo;
  private final Consumer<String> notices;
  private final Set<String> interfaceAddresses;

  /**
   * @param echo asked only when STUN learnt no address and {@code --ip-echo} is given
   * @param notices told when the echo gives no address
   */
  ProbeLocator(GeoOptions options, GeoLookup geo, PublicAddressFinder finder, AddressEcho echo,
      Consumer<String> notices, Set<String> interfaceAddresses) {
    this.options = options;
    this.geo = geo;
    this.finder = finder;
    this.echo = echo;
    this.notices = notices;
    this.interfaceAddresses = Set.copyOf(interfaceAddresses);
  }

  /** Without an address echo: {@code --ip-echo} is not given. */
  ProbeLocator(GeoOptions options, GeoLookup geo, PublicAddressFinder finder, Set<String> interfaceAddresses) {
    this(options, geo, finder, url -> {
      throw new IOException("no address echo");
    }, line -> { }, interfaceAddresses);
  }

  ProbeLocation locate() {
    Optional<InetAddress> stun = options.stunServers().isEmpty() ? Optional.empty()
        : finder.find(options.stunServers());
    Optional<InetAddress> echoed = stun.isEmpty() && options.ipEcho() != null ? askEcho() : Optional.empty();
    Optional<InetAddress> learnt = stun.or(() -> echoed);
    Set<String> scrub = new LinkedHashSet<>(interfaceAddresses);
    learnt.ifPresent(a -> scrub.add(a.getHostAddress()));
    Optional<InetAddress> address = learnt.or(this::firstInterfaceAddress);

    boolean overrideAsn = options.probeAsn() != null;
    boolean overrideCc = options.probeCc() != null;
    if (options.noGeoip()) {
      NetworkOwner given = new NetworkOwner(overrideAsn ? options.probeAsn() : 0, null, options.probeCc());
      return new ProbeLocation(given, overrideAsn || overrideCc
          ? "given with --probe-asn/--probe-cc; --no-geoip: nothing looked up"
          : "unknown: --no-geoip, nothing looked up", scrub);
    }
    if (address.isEmpty() && !(overrideAsn && overrideCc)) {
      NetworkOwner given = new NetworkOwner(overrideAsn ? options.probeAsn() : 0, null, options.probeCc());
      String echoSaid = options.ipEcho() == null ? "" : ", the --ip-echo URL named none";
      return new ProbeLocation(given, options.stunServers().isEmpty()
          ? "unknown: no STUN server given (--stun)" + echoSaid + " and no public address on an interface"
          : "unknown: no STUN server answered" + echoSaid + " and no public address on an interface", scrub);
    }
    NetworkOwner found = address.map(geo::lookup).orElse(NetworkOwner.UNKNOWN);
    String source = stun.isPresent() ? "public address learnt over STUN"
        : echoed.isPresent() ? "public address learnt from the HTTPS echo URL" : "public address of an interface";
    if (!overrideAsn && !overrideCc) {
      return new ProbeLocation(found, found.asn() == 0
          ? "unknown: " + source + " is in no range of " + geo.description()
          : "looked up: " + source + ", " + geo.description(), scrub);
    }
    long asn = overrideAsn ? options.probeAsn() : found.asn();
    String name = asn == found.asn() ? found.organisation() : null;
    String cc = overrideCc ? options.probeCc() : found.countryCode();
    return new ProbeLocation(new NetworkOwner(asn, name, cc), "given with --probe-asn/--probe-cc", scrub);
  }

  private Optional<InetAddress> askEcho() {
    try {
      return Optional.of(echo.ask(options.ipEcho()));
    } catch (IOException e) {
      notices.accept("msgprobe: notice: --ip-echo " + options.ipEcho() + " gave no address: " + e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<InetAddress> firstInterfaceAddress() {
    return interfaceAddresses.stream().findFirst().map(IpLiterals::parse);
  }
}
