package dev.msgprobe.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small MaxMind DB file (format 2.0, IPv6 tree, 24-bit records) for tests: networks as
 * CIDR strings, each with a flat or nested map of strings and unsigned numbers. IPv4 networks sit
 * at {@code ::a.b.c.d}, where readers look IPv4 addresses up.
 */
public final class TestMmdb {
  private final Map<String, Map<String, Object>> networks = new LinkedHashMap<>();
  private String type = "msgprobe-test";

  public TestMmdb network(String cidr, Map<String, Object> record) {
    networks.put(cidr, record);
    return this;
  }

  /** An ASN record as GeoLite2-ASN has it, with DB-IP's nested country as well. */
  public TestMmdb asn(String cidr, long asn, String org, String cc) {
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put("autonomous_system_number", asn);
    rec.put("autonomous_system_organization", org);
    if (cc != null) {
      rec.put("country", Map.of("iso_code", cc));
    }
    return network(cidr, rec);
  }

  public TestMmdb type(String databaseType) {
    this.type = databaseType;
    return this;
  }

  public Path write(Path file) throws IOException {
    Files.write(file, bytes());
    return file;
  }

  private static final class Node {
    Object left;
    Object right;
  }

  public byte[] bytes() throws IOException {
    Node root = new Node();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (Map.Entry<String, Map<String, Object>> e : networks.entrySet()) {
      int offset = data.size();
      encode(data, e.getValue());
      insert(root, bits(e.getKey()), offset);
    }
    List<Node> order = new ArrayList<>();
    number(root, order);
    int count = order.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Node n : order) {
      record(out, n.left, order, count);
      record(out, n.right, order, count);
    }
    out.write(new byte[16]);
    data.writeTo(out);
    out.write(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
    out.write("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("binary_format_major_version", new U16(2));
    meta.put("binary_format_minor_version", new U16(0));
    meta.put("build_epoch", 1_781_000_000L);
    meta.put("database_type", type);
    meta.put("description", Map.of("en", "msgprobe test data"));
    meta.put("ip_version", new U16(6));
    meta.put("languages", List.of("en"));
    meta.put("node_count", (long) count);
    meta.put("record_size", new U16(24));
    encode(out, meta);
    return out.toByteArray();
  }

  private record U16(int value) {}

  private static boolean[] bits(String cidr) throws IOException {
    String[] parts = cidr.split("/");
    InetAddress a = InetAddress.getByName(parts[0]);
    int len = Integer.parseInt(parts[1]);
    byte[] raw = a.getAddress();
    byte[] full = new byte[16];
    int offset = a instanceof Inet4Address ? 12 : 0;
    System.arraycopy(raw, 0, full, offset, raw.length);
    int prefix = offset * 8 + len;
    boolean[] b = new boolean[prefix];
    for (int i = 0; i < prefix; i++) {
      b[i] = (full[i / 8] >> (7 - i % 8) & 1) == 1;
    }
    return b;
  }

  private static void insert(Node root, boolean[] path, int dataOffset) {
    Node n = root;
    for (int i = 0; i < path.length - 1; i++) {
      Object next = path[i] ? n.right : n.left;
      if (!(next instanceof Node)) {
        next = new Node();
        if (path[i]) {
          n.right = next;
        } else {
          n.left = next;
        }
      }
      n = (Node) next;
    }
    if (path[path.length - 1]) {
      n.right = dataOffset;
    } else {
      n.left = dataOffset;
    }
  }

  private static void number(Node n, List<Node> order) {
    order.add(n);
    if (n.left instanceof Node l) {
      number(l, order);
    }
    if (n.right instanceof Node r) {
      number(r, order);
    }
  }

  private static void record(ByteArrayOutputStream out, Object target, List<Node> order, int count) {
    long v;
    if (target instanceof Node n) {
      v = order.indexOf(n);
    } else if (target instanceof Integer offset) {
      v = count + 16L + offset;
    } else {
      v = count;
    }
    out.write((int) (v >> 16));
    out.write((int) (v >> 8));
    out.write((int) v);
  }

  private static void encode(ByteArrayOutputStream out, Object value) {
    if (value instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      control(out, 2, b.length);
      out.write(b, 0, b.length);
    } else if (value instanceof U16 u) {
      control(out, 5, 2);
      out.write(u.value() >> 8);
      out.write(u.value());
    } else if (value instanceof Long || value instanceof Integer) {
      long v = ((Number) value).longValue();
      control(out, 9, 8);
      for (int i = 7; i >= 0; i--) {
        out.write((int) (v >> (8 * i)));
      }
    } else if (value instanceof Map<?, ?> m) {
      control(out, 7, m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        encode(out, e.getKey().toString());
        encode(out, e.getValue());
      }
    } else if (value instanceof List<?> l) {
      control(out, 11, l.size());
      for (Object o : l) {
        encode(out, o);
      }
    } else {
      throw new IllegalArgumentException("cannot encode " + value);
    }
  }

  private static void control(ByteArrayOutputStream out, int type, int size) {
    if (size >= 29) {
      if (size - 29 > 255) {
        throw new IllegalArgumentException("field too long for the test writer");
      }
    }
    int sizeBits = size < 29 ? size : 29;
    if (type <= 7) {
      out.write((type << 5) | sizeBits);
    } else {
      out.write(sizeBits);
      out.write(type - 7);
    }
    if (size >= 29) {
      out.write(size - 29);
    }
  }
}
