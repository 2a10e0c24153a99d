package dev.msgprobe.geo;

import com.maxmind.db.Reader;
import java.io.File;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user's MaxMind DB files ({@code --asn-db}): GeoLite2-ASN or DB-IP ASN fields
 * ({@code autonomous_system_number}, {@code autonomous_system_organization}) and country fields
 * ({@code country.iso_code}, or ip-location-db's {@code country_code}). With several files, each
 * answers what the earlier ones left unknown.
 */
public final class MaxMindGeo implements GeoLookup, AutoCloseable {
  private final List<Reader> readers;
  private final List<String> names;

  private MaxMindGeo(List<Reader> readers, List<String> names) {
    this.readers = readers;
    this.names = names;
  }

  /** Opens the files; an unreadable or malformed file is an {@link IOException} naming it. */
  public static MaxMindGeo open(List<File> files) throws IOException {
    List<Reader> readers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try {
      for (File f : files) {
        Reader r;
        try {
          r = new Reader(f);
        } catch (IOException | RuntimeException e) {
          throw new IOException(f + ": not a readable MaxMind DB file (" + e.getMessage() + ")", e);
        }
        readers.add(r);
        LocalDate built = LocalDate.ofInstant(r.getMetadata().buildTime(), ZoneOffset.UTC);
        names.add(f.getName() + " (" + r.getMetadata().databaseType() + ", built " + built + ")");
      }
    } catch (IOException e) {
      for (Reader r : readers) {
        r.close();
      }
      throw e;
    }
    return new MaxMindGeo(List.copyOf(readers), List.copyOf(names));
  }

  @Override
  public NetworkOwner lookup(InetAddress address) {
    NetworkOwner found = NetworkOwner.UNKNOWN;
    for (Reader r : readers) {
      if (address instanceof Inet6Address && r.getMetadata().ipVersion() == 4) {
        continue;
      }
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> rec = r.get(address, Map.class);
        if (rec != null) {
          found = found.orElse(owner(rec));
        }
      } catch (IOException | RuntimeException e) {
        // a damaged record says nothing about this address; the other files may
      }
    }
    return found;
  }

  private static NetworkOwner owner(Map<String, Object> rec) {
    long asn = rec.get("autonomous_system_number") instanceof Number n ? n.longValue() : 0;
    String org = rec.get("autonomous_system_organization") instanceof String s ? s : null;
    String cc = null;
    if (rec.get("country") instanceof Map<?, ?> country && country.get("iso_code") instanceof String s) {
      cc = s;
    } else if (rec.get("country_code") instanceof String s) {
      cc = s;
    }
    return new NetworkOwner(asn >= 0 && asn <= 0xFFFF_FFFFL ? asn : 0, org, cc);
  }

  @Override
  public String description() {
    return String.join(", ", names);
  }

  @Override
  public void close() throws IOException {
    for (Reader r : readers) {
      r.close();
    }
  }
}
