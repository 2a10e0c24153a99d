package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.csv.CsvReader;
import dev.msgprobe.net.IpLiterals;
import dev.msgprobe.model.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The block-page fingerprint database (docs/contract/report.md {@code dns.sinkhole}, {@code http.blockpage}): DNS answers
 * that mean "blocked", HTTP responses that are block pages, and resolver addresses that reveal on-path
 * DNS interception. The bundled data lives in {@code src/main/resources/fingerprints/} (its README
 * credits the sources); {@link #parse} and {@link #plus} let a caller add its own rows in the same
 * formats. Immutable and thread-safe.
 */
public final class Fingerprints {

  /** An address with its fingerprint id, who runs it, and where the fact comes from. */
  public record AddressFingerprint(String ip, String id, String owner, String source) {}

  /**
   * A pattern on an HTTP response. {@code location} is {@code body} or {@code header.<name>} (name in
   * lower case); {@code patternType} is {@code prefix}, {@code contains} or {@code full}, matched
   * case-sensitively as in ooni/blocking-fingerprints.
   */
  public record HttpFingerprint(String location, String patternType, String pattern, String id, String owner,
      String source) {

    public HttpFingerprint {
      if (!location.equals("body") && !location.startsWith("header.")) {
        throw new IllegalArgumentException(id + ": location must be body or header.<name>, not " + location);
      }
      if (!List.of("prefix", "contains", "full").contains(patternType)) {
        throw new IllegalArgumentException(id + ": pattern_type must be prefix, contains or full, not " + patternType);
      }
      if (pattern.isEmpty()) {
        throw new IllegalArgumentException(id + ": empty pattern");
      }
    }

    /** True when the response's body or header matches. */
    public boolean matches(HttpResponse response) {
      String value = location.equals("body")
          ? (response.body() == null ? null : response.body().asText())
          : response.header(location.substring("header.".length()));
      if (value == null) {
        return false;
      }
      return switch (patternType) {
        case "prefix" -> value.startsWith(pattern);
        case "contains" -> value.contains(pattern);
        default -> value.equals(pattern);
      };
    }

    /** A short description for evidence, e.g. {@code Location starting with http://warning.rt.ru}. */
    public String describe() {
      String how = switch (patternType) {
        case "prefix" -> "prefix";
        case "contains" -> "contains";
        default -> "full";
      };
      return location.equals("body") ? Evidence.sentence("fingerprint.body." + how, pattern)
          : Evidence.sentence("fingerprint.header." + how, pattern, location.substring("header.".length()));
    }
  }

  public static final Fingerprints NONE = new Fingerprints(Map.of(), List.of(), Map.of());

  private static final class Bundled {
    static final Fingerprints INSTANCE = parse(resource("dns.csv"), resource("http.csv"), resource("resolvers.csv"));
  }

  private final Map<String, AddressFingerprint> sinkholes;
  private final List<HttpFingerprint> pages;
  private final Map<String, AddressFingerprint> resolvers;

  private Fingerprints(Map<String, AddressFingerprint> sinkholes, List<HttpFingerprint> pages,
      Map<String, AddressFingerprint> resolvers) {
    this.sinkholes = Map.copyOf(sinkholes);
    this.pages = List.copyOf(pages);
    this.resolvers = Map.copyOf(resolvers);
  }

  /** The database shipped in the jar, loaded once from the classpath. */
  public static Fingerprints bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * A database from CSV text in the bundled formats ({@code dns.csv} and {@code resolvers.csv}:
   * {@code ip,id,owner,source}; {@code http.csv}: {@code location,pattern_type,pattern,id,owner,source}).
   * Any argument may be null or empty. Throws IllegalArgumentException naming the bad row.
   */
  public static Fingerprints parse(String dnsCsv, String httpCsv, String resolversCsv) {
    List<HttpFingerprint> pages = new ArrayList<>();
    for (Map<String, String> row : rows(httpCsv)) {
      pages.add(new HttpFingerprint(row.get("location").trim().toLowerCase(Locale.ROOT), row.get("pattern_type").trim(),
          row.get("pattern"), row.get("id"), row.get("owner"), row.get("source")));
    }
    return new Fingerprints(addresses(dnsCsv), pages, addresses(resolversCsv));
  }

  /** This database with {@code other}'s rows added (other's row wins for the same address). */
  public Fingerprints plus(Fingerprints other) {
    Map<String, AddressFingerprint> s = new LinkedHashMap<>(sinkholes);
    s.putAll(other.sinkholes);
    List<HttpFingerprint> p = new ArrayList<>(pages);
    p.addAll(other.pages);
    Map<String, AddressFingerprint> r = new LinkedHashMap<>(resolvers);
    r.putAll(other.resolvers);
    return new Fingerprints(s, p, r);
  }

  /** The block-page or stub address fingerprint for a DNS answer, if {@code ip} is one. */
  public Optional<AddressFingerprint> sinkhole(String ip) {
    return Optional.ofNullable(ip == null ? null : sinkholes.get(normalise(ip)));
  }

  /** The first fingerprint the response matches. */
  public Optional<HttpFingerprint> blockPage(HttpResponse response) {
    if (response == null) {
      return Optional.empty();
    }
    return pages.stream().filter(f -> f.matches(response)).findFirst();
  }

  /** The fingerprint of a resolver address that reveals on-path interception, if {@code ip} is one. */
  public Optional<AddressFingerprint> interceptingResolver(String ip) {
    return Optional.ofNullable(ip == null ? null : resolvers.get(normalise(ip)));
  }

  int size() {
    return sinkholes.size() + pages.size() + resolvers.size();
  }

  private static Map<String, AddressFingerprint> addresses(String csv) {
    Map<String, AddressFingerprint> out = new LinkedHashMap<>();
    for (Map<String, String> row : rows(csv)) {
      String ip = row.get("ip").trim();
      if (!IpLiterals.isLiteral(ip)) {
        throw new IllegalArgumentException(row.get("id") + ": not an IP address: " + ip);
      }
      out.put(normalise(ip), new AddressFingerprint(ip, row.get("id"), row.get("owner"), row.get("source")));
    }
    return out;
  }

  /**
   * The rows of a fingerprint table as maps from header name to value, in file order; lines starting
   * with {@code #} are comments. A malformed record is an error naming its line.
   */
  static List<Map<String, String>> rows(String csv) {
    if (csv == null) {
      return List.of();
    }
    List<CsvReader.Row> records = CsvReader.readSkippingComments(csv, ',', (line, problem) -> {
      throw new IllegalArgumentException("fingerprint table line " + line + ": " + problem);
    });
    List<Map<String, String>> rows = new ArrayList<>();
    if (records.isEmpty()) {
      return rows;
    }
    List<String> header = records.get(0).fields();
    for (CsvReader.Row r : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < r.fields().size() ? r.fields().get(i) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  private static String normalise(String ip) {
    byte[] a = IpLiterals.bytes(ip);
    return a == null ? ip : IpLiterals.format(a);
  }

  private static String resource(String name) {
    try (InputStream in = Fingerprints.class.getResourceAsStream("/fingerprints/" + name)) {
      if (in == null) {
        throw new IllegalStateException("fingerprint file missing from the classpath: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
