package dev.msgprobe.lab;

import dev.msgprobe.testing.QuicServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import tech.kwik.core.QuicClientConnection;

/**
 * The lab's QUIC servers (run by lab/lab.sh in the mp-inet namespace with the test classpath): one
 * kwik server per address given, on UDP 443, presenting the lab leaf (valid for every lab name).
 * Usage: {@code LabQuicServer CHAIN.pem KEY.pem READY-FILE IP...}; the ready file is written once
 * every server listens and has completed one warm-up handshake; the process runs until killed.
 */
public final class LabQuicServer {
  private LabQuicServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: LabQuicServer CHAIN.pem KEY.pem READY-FILE IP...");
      System.exit(2);
    }
    X509Certificate[] chain = certificates(Path.of(args[0]));
    PrivateKey key = ecKey(Path.of(args[1]));
    List<QuicServer> servers = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      servers.add(QuicServer.start(new InetSocketAddress(InetAddress.getByName(args[i]), 443), key, chain));
    }
    for (int i = 3; i < args.length; i++) {
      warmUp(args[i]);
    }
    Files.writeString(Path.of(args[2]), "ready " + servers.size() + "\n");
    System.err.println("lab-quic: " + servers.size() + " QUIC servers up");
    Thread.currentThread().join();
  }

  /**
   * One handshake with the server on {@code ip} from here, so a cold JVM's first (slow) handshake is
   * not one the probe makes with a short timeout. Failures are only reported.
   */
  private static void warmUp(String ip) {
    QuicClientConnection c = null;
    try {
      c = QuicClientConnection.newBuilder().host(ip).port(443).proxy(ip).applicationProtocol("h3")
          .connectTimeout(Duration.ofSeconds(20)).noServerCertificateCheck().build();
      c.connect();
    } catch (IOException | RuntimeException e) {
      System.err.println("lab-quic: warm-up handshake with " + ip + " failed: " + e.getMessage());
    } finally {
      if (c != null) {
        c.close();
      }
    }
  }

  private static X509Certificate[] certificates(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(X509Certificate[]::new);
    }
  }

  private static PrivateKey ecKey(Path pem) throws IOException, java.security.GeneralSecurityException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }
}
