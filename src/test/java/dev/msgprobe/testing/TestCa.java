package dev.msgprobe.testing;

import dev.msgprobe.net.Trust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A throwaway certificate authority for loopback TLS servers. Leaves carry the names asked for plus
 * the IP address 127.0.0.1. {@link #untrustedLeaf} comes from a CA nobody trusts; {@link #expiredLeaf}
 * expired yesterday.
 */
public final class TestCa {
  /** The common name of the default test CA. */
  public static final String NAME = "msgprobe test CA";
  private static final String LOOPBACK = "127.0.0.1";
  private final HeldCertificate root;

  public TestCa() {
    this(NAME);
  }

  /** A CA with its own key and the given name (the default name with a new key makes a forged issuer). */
  public TestCa(String commonName) {
    root = new HeldCertificate.Builder().certificateAuthority(0).commonName(commonName).build();
  }

  public HeldCertificate root() {
    return root;
  }

  /** A leaf valid now for {@code names} and 127.0.0.1. */
  public HeldCertificate leaf(String... names) {
    Instant now = Instant.now();
    return issue(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), names);
  }

  /** A leaf for {@code names} and 127.0.0.1 whose validity ended a day ago. */
  public HeldCertificate expiredLeaf(String... names) {
    Instant now = Instant.now();
    return issue(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), names);
  }

  /** A leaf for {@code names} signed by a CA that no trust store holds. */
  public static HeldCertificate untrustedLeaf(String... names) {
    return new TestCa("untrusted test CA").leaf(names);
  }

  /** Writes this CA's certificate as PEM into {@code dir} (a {@code --ca-file}). */
  public Path writePem(Path dir) throws IOException {
    return Files.writeString(dir.resolve("test-ca.pem"), root.certificatePem());
  }

  /** The JDK's CAs plus this one, as the probe would load them from {@code --ca-file}. */
  public Trust trust(Path dir) throws IOException {
    return Trust.load(writePem(dir));
  }

  /** A server-side TLS context presenting {@code leaf}. */
  public static SSLContext serverContext(HeldCertificate leaf) {
    return new HandshakeCertificates.Builder().heldCertificate(leaf).build().sslContext();
  }

  private HeldCertificate issue(Instant from, Instant to, String... names) {
    HeldCertificate.Builder builder = new HeldCertificate.Builder()
        .signedBy(root)
        .validityInterval(from.toEpochMilli(), to.toEpochMilli())
        .addSubjectAlternativeName(LOOPBACK);
    for (String name : names) {
      builder.addSubjectAlternativeName(name);
    }
    return builder.commonName(names.length > 0 ? names[0] : LOOPBACK).build();
  }
}
