package dev.msgprobe.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A test CA and a server certificate it signed, valid for 127.0.0.1, ::1 and {@value #DOH_NAME}, for
 * fake DoH servers. The CA is in no trust store: clients trust it through {@code --ca-file}.
 */
public final class FakeDnsPki {
  /** A name the server certificate is valid for (reach it through a bootstrap address). */
  public static final String DOH_NAME = "doh.fake.test";

  private final HeldCertificate ca;
  private final HeldCertificate server;

  private FakeDnsPki(HeldCertificate ca, HeldCertificate server) {
    this.ca = ca;
    this.server = server;
  }

  public static FakeDnsPki create() {
    HeldCertificate ca = new HeldCertificate.Builder().commonName("msgprobe fake DNS CA").certificateAuthority(0).build();
    HeldCertificate server = new HeldCertificate.Builder()
        .commonName("fake DoH")
        .addSubjectAlternativeName("127.0.0.1")
        .addSubjectAlternativeName("::1")
        .addSubjectAlternativeName(DOH_NAME)
        .signedBy(ca)
        .build();
    return new FakeDnsPki(ca, server);
  }

  public HeldCertificate ca() {
    return ca;
  }

  /** What a TLS server presents: the server certificate and its key. */
  public SSLSocketFactory serverSocketFactory() {
    return new HandshakeCertificates.Builder().heldCertificate(server).build().sslSocketFactory();
  }

  /** Writes the CA as PEM into {@code dir}; returns the file. */
  public Path writeCaFile(Path dir) throws IOException {
    return Files.writeString(dir.resolve("fake-dns-ca.pem"), ca.certificatePem());
  }
}
