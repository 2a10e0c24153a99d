package dev.msgprobe.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The first TLS record a client sends, read off the raw stream, with the SNI host name parsed out of
 * the ClientHello (null when the client sent none). Assumes the ClientHello fits one record, which
 * holds for JSSE and OkHttp.
 */
public record ClientHello(byte[] raw, String serverName) {
  private static final int HANDSHAKE = 22;
  private static final int SERVER_NAME_EXTENSION = 0;

  public static ClientHello read(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    byte[] header = new byte[5];
    in.readFully(header);
    if (header[0] != HANDSHAKE) {
      throw new IOException("not a TLS handshake record");
    }
    byte[] body = new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)];
    in.readFully(body);
    byte[] raw = ByteBuffer.allocate(header.length + body.length).put(header).put(body).array();
    return new ClientHello(raw, serverName(ByteBuffer.wrap(body)));
  }

  private static String serverName(ByteBuffer hello) {
    hello.position(4 + 2 + 32); // handshake type and length, client_version, random
    skip(hello, hello.get() & 0xff); // session id
    skip(hello, hello.getShort() & 0xffff); // cipher suites
    skip(hello, hello.get() & 0xff); // compression methods
    if (!hello.hasRemaining()) {
      return null;
    }
    int end = (hello.getShort() & 0xffff) + hello.position();
    while (hello.position() < end) {
      int type = hello.getShort() & 0xffff;
      int length = hello.getShort() & 0xffff;
      if (type == SERVER_NAME_EXTENSION) {
        hello.getShort(); // server name list length
        hello.get(); // name type: host_name
        byte[] name = new byte[hello.getShort() & 0xffff];
        hello.get(name);
        return new String(name, StandardCharsets.US_ASCII);
      }
      skip(hello, length);
    }
    return null;
  }

  private static void skip(ByteBuffer b, int n) {
    b.position(b.position() + n);
  }
}
