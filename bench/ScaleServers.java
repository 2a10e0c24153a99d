import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The loopback servers of bench/scale-loopback.sh (not a test): ENDPOINTS https endpoints of mixed
 * behaviour, two per loopback address (ports PORT and PORT+1), addresses 127.77.x.y. Per address, by its
 * index modulo 10: 0-5 reachable (TLS, then a 1 MiB HTTP answer), 6-7 silent (TCP accepted, nothing ever
 * answered), 8 reset right after the ClientHello, 9 frozen after 16 KiB of the answer. Writes the list
 * (list.csv), the CA (ca.pem) and the expected kind of every endpoint (kinds.csv) into DIR, prints
 * "ready", and serves until killed. Needs a JDK with virtual threads (21+).
 *
 *   java -cp CLASSPATH bench/ScaleServers.java DIR ENDPOINTS PORT
 */
public final class ScaleServers {
  private static final int BODY = 1 << 20;
  private static final int FROZEN_AFTER = 16 * 1024;
  private static final byte[] CHUNK = new byte[16 * 1024];

  enum Kind { REACHABLE, SILENT, RESET, FROZEN }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int endpoints = Integer.parseInt(args[1]);
    int port = Integer.parseInt(args[2]);
    int addresses = (endpoints + 1) / 2;

    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("scale bench CA").build();
    HeldCertificate.Builder leafBuilder = new HeldCertificate.Builder().signedBy(root).commonName("scale bench");
    for (int a = 0; a < addresses; a++) {
      if (kind(a) == Kind.REACHABLE || kind(a) == Kind.FROZEN) {
        leafBuilder.addSubjectAlternativeName(address(a));
      }
    }
    HeldCertificate leaf = leafBuilder.build();
    SSLContext tls = new HandshakeCertificates.Builder().heldCertificate(leaf).build().sslContext();
    Files.writeString(dir.resolve("ca.pem"), root.certificatePem());

    List<String> list = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    list.add("url,category_code,category_description,date_added,source,notes,service,function,method,throughput");
    for (int i = 0; i < endpoints; i++) {
      int a = i / 2;
      String url = "https://" + address(a) + ":" + (port + i % 2) + "/";
      list.add(url + ",COMT,Communication Tools,2026-12-08,bench,scale bench,bench" + (i % 3) + ",api,,");
      kinds.add(url + "," + kind(a).name().toLowerCase());
    }
    Files.write(dir.resolve("list.csv"), list);
    Files.write(dir.resolve("kinds.csv"), kinds);

    for (int a = 0; a < addresses; a++) {
      for (int p = port; p < port + 2; p++) {
        InetSocketAddress where = new InetSocketAddress(InetAddress.getByName(address(a)), p);
        Kind kind = kind(a);
        ServerSocket server = kind == Kind.REACHABLE || kind == Kind.FROZEN
            ? (SSLServerSocket) tls.getServerSocketFactory().createServerSocket()
            : new ServerSocket();
        server.setReuseAddress(true);
        server.bind(where, 64);
        Thread.ofVirtual().start(() -> acceptLoop(server, kind));
      }
    }
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  static String address(int a) {
    return "127.77." + (a / 250) + "." + (a % 250 + 1);
  }

  static Kind kind(int a) {
    int k = a % 10;
    return k <= 5 ? Kind.REACHABLE : k <= 7 ? Kind.SILENT : k == 8 ? Kind.RESET : Kind.FROZEN;
  }

  private static void acceptLoop(ServerSocket server, Kind kind) {
    while (true) {
      try {
        Socket s = server.accept();
        Thread.ofVirtual().start(() -> serve(s, kind));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void serve(Socket s, Kind kind) {
    try (s) {
      s.setSoTimeout(120_000);
      InputStream in = s.getInputStream();
      switch (kind) {
        case SILENT -> {
          while (in.read(CHUNK.clone()) >= 0) {
            // hold the connection open, answer nothing, until the client gives up
          }
        }
        case RESET -> {
          in.read(new byte[1024]);
          s.setSoLinger(true, 0);
        }
        case REACHABLE, FROZEN -> {
          String head = readHead(in);
          if (head == null) {
            return;
          }
          boolean hasBody = !head.startsWith("HEAD ");
          OutputStream out = s.getOutputStream();
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + BODY
              + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          if (hasBody) {
            int limit = kind == Kind.FROZEN ? FROZEN_AFTER : BODY;
            for (int sent = 0; sent < limit; sent += CHUNK.length) {
              out.write(CHUNK, 0, Math.min(CHUNK.length, limit - sent));
            }
          }
          out.flush();
          if (kind == Kind.FROZEN) {
            while (in.read(CHUNK.clone()) >= 0) {
              // frozen: the connection stays open, nothing more is sent
            }
          }
        }
      }
    } catch (IOException ignored) {
      // the client went away
    }
  }

  /** The request head, or null when the client closed first; requests carry no body here. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      head.append((char) c);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        return head.toString();
      }
    }
    return null;
  }
}
