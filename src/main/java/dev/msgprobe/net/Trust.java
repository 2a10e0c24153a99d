package dev.msgprobe.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities a handshake is validated against: the JDK's default trust store plus
 * the CAs of an optional PEM file ({@code --ca-file}), merged into one PKIX trust manager. Immutable.
 */
public final class Trust {
  private final X509ExtendedTrustManager trustManager;

  private Trust(X509ExtendedTrustManager trustManager) {
    this.trustManager = trustManager;
  }

  /**
   * The JDK's default CAs plus every certificate in {@code pemOrNull} (one or more PEM blocks).
   *
   * @throws IOException when the file cannot be read or holds no certificate
   */
  public static Trust load(Path pemOrNull) throws IOException {
    try {
      List<X509Certificate> anchors = new ArrayList<>(Arrays.asList(jdkDefault().getAcceptedIssuers()));
      if (pemOrNull != null) {
        anchors.addAll(readPem(pemOrNull));
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < anchors.size(); i++) {
        store.setCertificateEntry("ca-" + i, anchors.get(i));
      }
      return new Trust(extended(trustManagers(store)));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot build the trust store: " + e.getMessage(), e);
    }
  }

  public X509TrustManager trustManager() {
    return trustManager;
  }

  X509ExtendedTrustManager extendedTrustManager() {
    return trustManager;
  }

  /** A new TLS context trusting these CAs; each has its own session cache, so nothing is resumed across contexts. */
  public SSLContext sslContext() {
    return contextWith(trustManager);
  }

  static SSLContext contextWith(X509TrustManager trustManager) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no TLS context", e);
    }
  }

  private static List<X509Certificate> readPem(Path pem) throws IOException, GeneralSecurityException {
    List<X509Certificate> certificates = new ArrayList<>();
    try (InputStream in = Files.newInputStream(pem)) {
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) c);
      }
    } catch (java.security.cert.CertificateException e) {
      throw new IOException(pem + ": not a PEM certificate file (" + e.getMessage() + ")", e);
    }
    if (certificates.isEmpty()) {
      throw new IOException(pem + ": no certificate found");
    }
    return certificates;
  }

  private static X509TrustManager jdkDefault() throws GeneralSecurityException {
    return extended(trustManagers(null));
  }

  private static TrustManager[] trustManagers(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static X509ExtendedTrustManager extended(TrustManager[] managers) throws GeneralSecurityException {
    for (TrustManager m : managers) {
      if (m instanceof X509ExtendedTrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("no X509ExtendedTrustManager in the default provider");
  }
}
