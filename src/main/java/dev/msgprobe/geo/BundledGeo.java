package dev.msgprobe.geo;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** The IP-to-ASN and IP-to-country data packaged in the jar ({@link GeoDataFormat}). */
public final class BundledGeo implements GeoLookup {
  /** Data older than this is still used, with a warning: AS assignments drift slowly. */
  public static final Duration STALE_AFTER = Duration.ofDays(180);

  private final LocalDate date;
  private final String source;
  private final long[] asns;
  private final String[] organisations;
  private final RangeTable asn4;
  private final RangeTable asn6;
  private final RangeTable country4;
  private final RangeTable country6;

  BundledGeo(LocalDate date, String source, long[] asns, String[] organisations, RangeTable asn4, RangeTable asn6,
      RangeTable country4, RangeTable country6) {
    this.date = date;
    this.source = source;
    this.asns = asns;
    this.organisations = organisations;
    this.asn4 = asn4;
    this.asn6 = asn6;
    this.country4 = country4;
    this.country6 = country6;
  }

  private static volatile BundledGeo loaded;

  /** The jar's data, read once (about a second on a slow core) and shared. */
  public static BundledGeo load() {
    BundledGeo g = loaded;
    if (g == null) {
      synchronized (BundledGeo.class) {
        if (loaded == null) {
          try (InputStream in = BundledGeo.class.getResourceAsStream(GeoDataFormat.RESOURCE)) {
            if (in == null) {
              throw new IOException("the jar holds no geo data (" + GeoDataFormat.RESOURCE + ")");
            }
            loaded = read(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        g = loaded;
      }
    }
    return g;
  }

  /** The date and source line of the jar's data without loading its tables; empty when it has none. */
  public static Optional<String> header() {
    try (InputStream raw = BundledGeo.class.getResourceAsStream(GeoDataFormat.RESOURCE)) {
      if (raw == null) {
        return Optional.empty();
      }
      DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
      if (!GeoDataFormat.MAGIC.equals(in.readUTF())) {
        return Optional.empty();
      }
      String date = in.readUTF();
      return Optional.of(in.readUTF() + ", data of " + date);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The jar's data date, read from its header; empty when it has none. */
  public static Optional<LocalDate> headerDate() {
    return header().map(h -> LocalDate.parse(h.substring(h.lastIndexOf(' ') + 1)));
  }

  /** A warning when data of {@code date} is older than {@link #STALE_AFTER} at {@code clock}'s now. */
  public static Optional<String> stalenessWarning(LocalDate date, Clock clock) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    long days = Duration.between(date.atStartOfDay(), today.atStartOfDay()).toDays();
    return days > STALE_AFTER.toDays()
        ? Optional.of("the bundled IP-to-ASN data is " + days + " days old (" + date
            + "); network names may be out of date: rebuild with tools/geo/update.sh or pass --asn-db FILE")
        : Optional.empty();
  }

  static BundledGeo read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    String magic = in.readUTF();
    if (!GeoDataFormat.MAGIC.equals(magic)) {
      throw new IOException("not msgprobe geo data (magic " + magic + ")");
    }
    LocalDate date = LocalDate.parse(in.readUTF());
    String source = in.readUTF();
    int n = in.readInt();
    long[] asns = new long[n];
    String[] orgs = new String[n];
    for (int i = 0; i < n; i++) {
      asns[i] = GeoDataFormat.readVarLong(in);
      String org = in.readUTF();
      orgs[i] = org.isEmpty() ? null : org;
    }
    return new BundledGeo(date, source, asns, orgs, GeoDataFormat.readTable(in), GeoDataFormat.readTable(in),
        GeoDataFormat.readTable(in), GeoDataFormat.readTable(in));
  }

  public LocalDate date() {
    return date;
  }

  @Override
  public NetworkOwner lookup(InetAddress address) {
    boolean v4 = address instanceof Inet4Address;
    long key = RangeKey.of(address);
    int as = (v4 ? asn4 : asn6).find(key);
    int cc = (v4 ? country4 : country6).find(key);
    return new NetworkOwner(as == RangeTable.NONE ? 0 : asns[as], as == RangeTable.NONE ? null : organisations[as],
        cc == RangeTable.NONE ? null : GeoDataFormat.unpackCountry(cc));
  }

  @Override
  public String description() {
    return source + ", data of " + date;
  }
}
