package dev.msgprobe.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The STUN Binding codec (RFC 8489): requests with an optional PADDING attribute (RFC 5780, to make
 * the datagram large) and an optional FINGERPRINT; responses parsed for their class and the mapped
 * address (XOR-MAPPED-ADDRESS preferred, MAPPED-ADDRESS as the RFC 3489 fallback), IPv4 and IPv6.
 * A response is accepted only when its header, magic cookie, transaction id and attribute framing
 * are right, and its FINGERPRINT matches when it carries one.
 */
public final class StunMessages {
  /** The fixed magic cookie that tells a STUN message from other UDP payloads. */
  public static final int MAGIC_COOKIE = 0x2112A442;
  public static final int HEADER_BYTES = 20;
  public static final int TRANSACTION_ID_BYTES = 12;

  static final int BINDING_REQUEST = 0x0001;
  static final int BINDING_SUCCESS = 0x0101;
  static final int BINDING_ERROR = 0x0111;
  static final int MAPPED_ADDRESS = 0x0001;
  static final int XOR_MAPPED_ADDRESS = 0x0020;
  static final int ERROR_CODE = 0x0009;
  static final int PADDING = 0x0026;
  static final int FINGERPRINT = 0x8028;
  private static final int FINGERPRINT_XOR = 0x5354554e;
  private static final int FAMILY_V4 = 0x01;
  private static final int FAMILY_V6 = 0x02;

  private StunMessages() {}

  /**
   * A Binding Request with {@code transactionId}.
   *
   * @param minBytes the datagram is padded with a PADDING attribute to at least this many bytes
   *     (0 for a minimal request)
   * @param fingerprint whether to end with a FINGERPRINT attribute
   */
  public static byte[] bindingRequest(byte[] transactionId, int minBytes, boolean fingerprint) {
    if (transactionId.length != TRANSACTION_ID_BYTES) {
      throw new IllegalArgumentException("a STUN transaction id has 12 bytes, not " + transactionId.length);
    }
    int tail = fingerprint ? 8 : 0;
    boolean padded = minBytes > HEADER_BYTES + tail;
    int padding = padded ? roundUp4(Math.max(0, minBytes - HEADER_BYTES - tail - 4)) : 0;
    int bodyBytes = (padded ? 4 + padding : 0) + tail;
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + bodyBytes);
    b.putShort((short) BINDING_REQUEST).putShort((short) bodyBytes).putInt(MAGIC_COOKIE).put(transactionId);
    if (padded) {
      b.putShort((short) PADDING).putShort((short) padding).put(new byte[padding]);
    }
    if (fingerprint) {
      int crc = fingerprint(b.array(), b.position());
      b.putShort((short) FINGERPRINT).putShort((short) 4).putInt(crc);
    }
    return b.array();
  }

  /**
   * The FINGERPRINT value of a message whose first {@code length} bytes precede the attribute; the
   * header's length field must already count the FINGERPRINT attribute.
   */
  static int fingerprint(byte[] message, int length) {
    CRC32 crc = new CRC32();
    crc.update(message, 0, length);
    return (int) crc.getValue() ^ FINGERPRINT_XOR;
  }

  /**
   * Parses {@code datagram} as the response to the request with {@code transactionId}.
   *
   * @throws Malformed when it is not a well-formed Binding response to that request
   */
  public static StunReply parseResponse(byte[] datagram, byte[] transactionId) throws Malformed {
    ByteBuffer b = ByteBuffer.wrap(datagram);
    if (datagram.length < HEADER_BYTES) {
      throw new Malformed("shorter than a STUN header (" + datagram.length + " bytes)");
    }
    int type = b.getShort() & 0xffff;
    int length = b.getShort() & 0xffff;
    if (b.getInt() != MAGIC_COOKIE) {
      throw new Malformed("no STUN magic cookie");
    }
    byte[] id = new byte[TRANSACTION_ID_BYTES];
    b.get(id);
    if (!java.util.Arrays.equals(id, transactionId)) {
      throw new Malformed("another transaction id");
    }
    if (type != BINDING_SUCCESS && type != BINDING_ERROR) {
      throw new Malformed(String.format("not a Binding response (type 0x%04x)", type));
    }
    if (length % 4 != 0 || HEADER_BYTES + length != datagram.length) {
      throw new Malformed("length field " + length + " does not frame a " + datagram.length + "-byte datagram");
    }
    InetSocketAddress xorMapped = null;
    InetSocketAddress mapped = null;
    int errorCode = 0;
    while (b.remaining() > 0) {
      int start = b.position();
      if (b.remaining() < 4) {
        throw new Malformed("truncated attribute header");
      }
      int attr = b.getShort() & 0xffff;
      int attrLength = b.getShort() & 0xffff;
      if (attrLength > b.remaining()) {
        throw new Malformed(String.format("attribute 0x%04x overruns the message", attr));
      }
      ByteBuffer value = b.slice(b.position(), attrLength);
      b.position(b.position() + Math.min(roundUp4(attrLength), b.remaining()));
      switch (attr) {
        case XOR_MAPPED_ADDRESS -> xorMapped = address(value, transactionId, true);
        case MAPPED_ADDRESS -> mapped = address(value, transactionId, false);
        case ERROR_CODE -> errorCode = errorCode(value);
        case FINGERPRINT -> {
          if (attrLength != 4 || b.remaining() != 0) {
            throw new Malformed("FINGERPRINT is not the last 4-byte attribute");
          }
          if (value.getInt() != fingerprint(datagram, start)) {
            throw new Malformed("FINGERPRINT does not match");
          }
        }
        default -> {
          // other attributes (SOFTWARE, MESSAGE-INTEGRITY, ...) say nothing about reachability
        }
      }
    }
    return new StunReply(type == BINDING_SUCCESS, errorCode, xorMapped != null ? xorMapped : mapped);
  }

  private static InetSocketAddress address(ByteBuffer value, byte[] transactionId, boolean xor) throws Malformed {
    if (value.remaining() < 4) {
      throw new Malformed("address attribute too short");
    }
    value.get();
    int family = value.get() & 0xff;
    int port = value.getShort() & 0xffff;
    int size = family == FAMILY_V4 ? 4 : family == FAMILY_V6 ? 16 : -1;
    if (size < 0 || value.remaining() != size) {
      throw new Malformed("address attribute with family " + family + " and " + value.remaining() + " address bytes");
    }
    byte[] ip = new byte[size];
    value.get(ip);
    if (xor) {
      port ^= MAGIC_COOKIE >>> 16;
      byte[] mask = ByteBuffer.allocate(16).putInt(MAGIC_COOKIE).put(transactionId).array();
      for (int i = 0; i < size; i++) {
        ip[i] ^= mask[i];
      }
    }
    try {
      return new InetSocketAddress(InetAddress.getByAddress(ip), port);
    } catch (UnknownHostException e) {
      throw new Malformed("unusable address bytes");
    }
  }

  private static int errorCode(ByteBuffer value) throws Malformed {
    if (value.remaining() < 4) {
      throw new Malformed("ERROR-CODE too short");
    }
    value.getShort();
    int hundreds = value.get() & 0x07;
    int rest = value.get() & 0xff;
    return hundreds * 100 + rest;
  }

  private static int roundUp4(int n) {
    return (n + 3) & ~3;
  }

  /** A datagram that is not a well-formed response to the request sent. */
  public static final class Malformed extends Exception {
    Malformed(String why) {
      super(why);
    }
  }
}
