package dev.msgprobe.geo;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The bundled data's binary form (gzip around a {@link DataOutputStream}): a magic string, the
 * data's date, its source line, the AS table (number, organisation), then four range tables — ASN
 * over IPv4 and IPv6, country over IPv4 and IPv6. A table is its length, then columns: start minus
 * the previous end, length minus one, value; all unsigned LEB128 varints, which gzip packs tightly.
 * An ASN range's value indexes the AS table; a country range's value is its two letters as
 * {@code (c0 << 8) | c1}.
 */
final class GeoDataFormat {
  static final String MAGIC = "msgprobe-geo-1";
  static final String RESOURCE = "/geo/ip-asn-country.bin.gz";

  private GeoDataFormat() {}

  static void writeTable(DataOutputStream out, RangeTable t) throws IOException {
    out.writeInt(t.size());
    long previousEnd = -1;
    for (int i = 0; i < t.size(); i++) {
      writeVarLong(out, t.start(i) - previousEnd - 1);
      previousEnd = t.end(i);
    }
    for (int i = 0; i < t.size(); i++) {
      writeVarLong(out, t.end(i) - t.start(i));
    }
    for (int i = 0; i < t.size(); i++) {
      writeVarLong(out, t.value(i) & 0xFFFF_FFFFL);
    }
  }

  static RangeTable readTable(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 50_000_000) {
      throw new IOException("corrupt geo data: table of " + n + " ranges");
    }
    long[] starts = new long[n];
    long[] ends = new long[n];
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      starts[i] = readVarLong(in);
    }
    long previousEnd = -1;
    for (int i = 0; i < n; i++) {
      starts[i] += previousEnd + 1;
      ends[i] = starts[i] + readVarLong(in);
      previousEnd = ends[i];
    }
    for (int i = 0; i < n; i++) {
      values[i] = (int) readVarLong(in);
    }
    return new RangeTable(starts, ends, values);
  }

  static void writeVarLong(DataOutputStream out, long v) throws IOException {
    long rest = v;
    while ((rest & ~0x7FL) != 0) {
      out.writeByte((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.writeByte((int) rest);
  }

  static long readVarLong(DataInputStream in) throws IOException {
    long v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("corrupt geo data: truncated number");
      }
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IOException("corrupt geo data: number too long");
  }

  static int packCountry(String cc) {
    if (cc == null || cc.length() != 2) {
      throw new IllegalArgumentException("not a country code: " + cc);
    }
    return (cc.charAt(0) << 8) | cc.charAt(1);
  }

  static String unpackCountry(int v) {
    return new String(new char[] {(char) (v >>> 8), (char) (v & 0xFF)});
  }
}
