package dev.msgprobe.geo;

import dev.msgprobe.csv.CsvReader;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the bundled data ({@link GeoDataFormat}) from ip-location-db's numeric CSV files:
 * {@code start,end,asn,organisation} and {@code start,end,country}. Used by {@code tools/geo/update.sh}
 * at build time, never at run time. Adjacent ranges with the same value are merged; IPv6 ranges
 * are keyed by their first 64 bits ({@link RangeKey}), a range overlapped after that widening keeps
 * the earlier owner.
 */
public final class GeoDataBuilder {
  private final List<Long> asnList = new ArrayList<>();
  private final List<String> orgList = new ArrayList<>();
  private final Map<String, Integer> asIndex = new HashMap<>();

  /** {@code java -cp msgprobe.jar dev.msgprobe.geo.GeoDataBuilder OUT DATE SOURCE ASN4 ASN6 CC4 CC6}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 7) {
      System.err.println("usage: GeoDataBuilder OUT.bin.gz YYYY-MM-DD SOURCE asn-ipv4-num.csv asn-ipv6-num.csv"
          + " country-ipv4-num.csv country-ipv6-num.csv");
      System.exit(2);
    }
    try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
      new GeoDataBuilder().build(out, LocalDate.parse(args[1]), args[2], read(args[3]), read(args[4]),
          read(args[5]), read(args[6]));
    }
  }

  private static BufferedReader read(String file) throws IOException {
    return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
  }

  void build(OutputStream target, LocalDate date, String source, BufferedReader asn4, BufferedReader asn6,
      BufferedReader cc4, BufferedReader cc6) throws IOException {
    RangeTable a4 = table(asn4, false, this::asValue);
    RangeTable a6 = table(asn6, true, this::asValue);
    RangeTable c4 = table(cc4, false, row -> GeoDataFormat.packCountry(row.get(2)));
    RangeTable c6 = table(cc6, true, row -> GeoDataFormat.packCountry(row.get(2)));
    GZIPOutputStream gz = new GZIPOutputStream(target, 1 << 16) {
      {
        def.setLevel(9);
      }
    };
    DataOutputStream out = new DataOutputStream(gz);
    out.writeUTF(GeoDataFormat.MAGIC);
    out.writeUTF(date.toString());
    out.writeUTF(source);
    out.writeInt(asnList.size());
    for (int i = 0; i < asnList.size(); i++) {
      GeoDataFormat.writeVarLong(out, asnList.get(i));
      out.writeUTF(orgList.get(i) == null ? "" : orgList.get(i));
    }
    GeoDataFormat.writeTable(out, a4);
    GeoDataFormat.writeTable(out, a6);
    GeoDataFormat.writeTable(out, c4);
    GeoDataFormat.writeTable(out, c6);
    out.flush();
    gz.finish();
  }

  private int asValue(List<String> row) {
    long asn = NetworkOwner.parseAsn(row.get(2));
    String org = row.size() > 3 ? row.get(3) : "";
    return asIndex.computeIfAbsent(asn + "\u0000" + org, k -> {
      asnList.add(asn);
      orgList.add(org.isEmpty() ? null : org);
      return asnList.size() - 1;
    });
  }

  private static RangeTable table(BufferedReader in, boolean ipv6, ToIntFunction<List<String>> value)
      throws IOException {
    List<long[]> ranges = new ArrayList<>();
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      List<String> row = fields(line);
      if (row.size() < 3) {
        throw new IOException("line " + lineNo + ": expected start,end,value: " + line);
      }
      long start = key(row.get(0), ipv6);
      long end = key(row.get(1), ipv6);
      int v = value.applyAsInt(row);
      ranges.add(new long[] {start, end, v});
    }
    ranges.sort((x, y) -> Long.compareUnsigned(x[0], y[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] r : ranges) {
      if (!merged.isEmpty()) {
        long[] last = merged.get(merged.size() - 1);
        if (Long.compareUnsigned(r[0], last[1]) <= 0) {
          if (Long.compareUnsigned(r[1], last[1]) <= 0) {
            continue;
          }
          r = new long[] {last[1] + 1, r[1], r[2]};
        }
        if (last[1] + 1 == r[0] && last[2] == r[2]) {
          last[1] = r[1];
          continue;
        }
      }
      merged.add(r);
    }
    long[] starts = new long[merged.size()];
    long[] ends = new long[merged.size()];
    int[] values = new int[merged.size()];
    for (int i = 0; i < merged.size(); i++) {
      starts[i] = merged.get(i)[0];
      ends[i] = merged.get(i)[1];
      values[i] = (int) merged.get(i)[2];
    }
    return new RangeTable(starts, ends, values);
  }

  private static long key(String number, boolean ipv6) {
    return ipv6 ? RangeKey.ipv6(new BigInteger(number.strip())) : Long.parseLong(number.strip());
  }

  /** One CSV line's fields, read by the project's one CSV reader. */
  static List<String> fields(String line) throws IOException {
    List<String> problems = new ArrayList<>();
    List<CsvReader.Row> rows = CsvReader.read(line, ',', (n, problem) -> problems.add(problem));
    if (!problems.isEmpty()) {
      throw new IOException(problems.get(0) + ": " + line);
    }
    return rows.isEmpty() ? List.of() : rows.get(0).fields();
  }
}
