package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.model.BinaryData;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.TlsHandshake;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Who issued the leaf of a chain the trust store could not anchor ({@code ssl_unknown_authority}), read
 * from the handshake's recorded {@code peer_certificates}. {@code name} is the leaf's issuer DN;
 * {@code fingerprint} the SHA-256 of the issuing certificate when the chain carries it (the leaf itself
 * when self-signed), else null. {@code key} identifies the issuer across hosts: the DN plus the issuer's
 * key identifier (the leaf's authority key identifier, else the issuing certificate's public key), so
 * two unrelated servers with default self-signed certificates of one DN are not taken for one issuer.
 */
record CertificateIssuer(String key, String name, String fingerprint) {

  /** The issuer of {@code h}'s leaf when {@code h} failed with an unknown authority and recorded its chain. */
  static Optional<CertificateIssuer> ofUntrusted(TlsHandshake h) {
    if (h == null || !Failures.SSL_UNKNOWN_AUTHORITY.equals(h.failure()) || h.peerCertificates() == null
        || h.peerCertificates().isEmpty()) {
      return Optional.empty();
    }
    List<X509Certificate> chain = parse(h.peerCertificates());
    if (chain.isEmpty()) {
      return Optional.empty();
    }
    X509Certificate leaf = chain.get(0);
    String issuerName = leaf.getIssuerX500Principal().getName();
    X509Certificate issuing = null;
    if (leaf.getIssuerX500Principal().equals(leaf.getSubjectX500Principal())) {
      issuing = leaf;
    } else {
      for (X509Certificate c : chain.subList(1, chain.size())) {
        if (c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
          issuing = c;
          break;
        }
      }
    }
    byte[] aki = leaf.getExtensionValue("2.5.29.35");
    String keyId = aki != null ? HexFormat.of().formatHex(aki)
        : issuing != null ? sha256(issuing.getPublicKey().getEncoded()) : "";
    String fingerprint = null;
    if (issuing != null) {
      try {
        fingerprint = sha256(issuing.getEncoded());
      } catch (CertificateException e) {
        fingerprint = null;
      }
    }
    return Optional.of(new CertificateIssuer(issuerName + "#" + keyId, issuerName, fingerprint));
  }

  /** The evidence sentence that names this issuer and the SHA-256 of its certificate when known. */
  String evidence() {
    return fingerprint == null
        ? Evidence.sentence("tls.cert.issuer.unknown", name)
        : Evidence.sentence("tls.cert.issuer.unknown.fingerprint", name, fingerprint);
  }

  private static List<X509Certificate> parse(List<BinaryData> ders) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      X509Certificate[] out = new X509Certificate[ders.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(ders.get(i).bytes()));
      }
      return Arrays.asList(out);
    } catch (CertificateException | IllegalArgumentException | ClassCastException unreadable) {
      return List.of();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
