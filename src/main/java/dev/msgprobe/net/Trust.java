package dev.msgprobe.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificate authorities msgprobe trusts: the JDK's default trust plus the extra CAs of
 * {@code --ca-file}. Immutable and thread-safe. {@link #sslContext()} gives a fresh context per
 * call, so that no TLS session is resumed across measurements.
 */
public final class Trust {
  private final X509ExtendedTrustManager trustManager;
  private final List<X509Certificate> extraCertificates;

  private Trust(X509ExtendedTrustManager trustManager, List<X509Certificate> extraCertificates) {
    this.trustManager = trustManager;
    this.extraCertificates = List.copyOf(extraCertificates);
  }

  /**
   * The JDK's default trust plus every certificate of the PEM file {@code caFile} (null = none).
   *
   * @throws IOException when the file cannot be read or holds no certificate
   */
  public static Trust load(Path caFile) throws IOException {
    if (caFile == null) {
      return jdkDefault();
    }
    List<X509Certificate> certificates = new ArrayList<>();
    try (InputStream in = Files.newInputStream(caFile)) {
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) c);
      }
    } catch (CertificateException e) {
      throw new IOException("cannot read certificates from " + caFile + ": " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IOException("no certificate in " + caFile);
    }
    return of(certificates);
  }

  /** The JDK's default trust alone. */
  public static Trust jdkDefault() {
    return of(List.of());
  }

  /** The JDK's default trust plus {@code extraCas}. */
  public static Trust of(Collection<X509Certificate> extraCas) {
    try {
      X509ExtendedTrustManager jdk = trustManagerFor(null);
      if (extraCas.isEmpty()) {
        return new Trust(jdk, List.of());
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (X509Certificate ca : jdk.getAcceptedIssuers()) {
        store.setCertificateEntry("jdk-" + n++, ca);
      }
      for (X509Certificate ca : extraCas) {
        store.setCertificateEntry("extra-" + n++, ca);
      }
      return new Trust(trustManagerFor(store), new ArrayList<>(extraCas));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the JDK's trust store cannot be used", e);
    }
  }

  /** Validates chains (and, with endpoint identification set on the socket, names) against this trust. */
  public X509ExtendedTrustManager trustManager() {
    return trustManager;
  }

  /** The CAs added to the JDK's default trust. */
  public List<X509Certificate> extraCertificates() {
    return extraCertificates;
  }

  /** A new client TLS context with this trust and no client certificate. */
  public SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS in this JDK", e);
    }
  }

  private static X509ExtendedTrustManager trustManagerFor(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return Arrays.stream(factory.getTrustManagers())
        .filter(X509ExtendedTrustManager.class::isInstance)
        .map(X509ExtendedTrustManager.class::cast)
        .findFirst()
        .orElseThrow(() -> new GeneralSecurityException("no X509 trust manager"));
  }

  /** A new TLS context whose only trust manager is {@code trustManager}. */
  static SSLContext contextWith(javax.net.ssl.X509TrustManager trustManager) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new javax.net.ssl.TrustManager[] {trustManager}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no TLS context", e);
    }
  }
}
