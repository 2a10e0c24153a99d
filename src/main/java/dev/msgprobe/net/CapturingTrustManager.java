package dev.msgprobe.net;

import java.net.Socket;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Wraps the trust manager of one handshake: it keeps the chain the server presented (and the
 * protocol and cipher of the handshake session) before validating, so a rejected chain is still
 * recorded; and it validates in two steps, the path first and the name second, throwing
 * {@link HostnameMismatchException} when only the name fails. Server-side checks are refused.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager delegate;
  private volatile List<X509Certificate> chain = List.of();
  private volatile String protocol = "";
  private volatile String cipherSuite = "";

  CapturingTrustManager(X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  /** The chain as presented, leaf first; empty when the server sent none. */
  List<X509Certificate> chain() {
    return chain;
  }

  /** The handshake's protocol as seen while validating, or "" when validation was never reached. */
  String protocol() {
    return protocol;
  }

  String cipherSuite() {
    return cipherSuite;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    capture(chain, socket instanceof SSLSocket s ? s.getHandshakeSession() : null);
    delegate.checkServerTrusted(chain, authType);
    try {
      delegate.checkServerTrusted(chain, authType, socket);
    } catch (CertificateException e) {
      throw pathProblem(e) ? e : new HostnameMismatchException(e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    capture(chain, engine == null ? null : engine.getHandshakeSession());
    delegate.checkServerTrusted(chain, authType);
    try {
      delegate.checkServerTrusted(chain, authType, engine);
    } catch (CertificateException e) {
      throw pathProblem(e) ? e : new HostnameMismatchException(e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    capture(chain, null);
    delegate.checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    throw new CertificateException("client certificates are not accepted");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    throw new CertificateException("client certificates are not accepted");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("client certificates are not accepted");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  private void capture(X509Certificate[] presented, SSLSession session) {
    chain = presented == null ? List.of() : List.of(presented);
    if (session != null) {
      protocol = session.getProtocol();
      cipherSuite = session.getCipherSuite();
    }
  }

  /** True when the failure comes from path validation (e.g. algorithm constraints), not from the name. */
  private static boolean pathProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertPathValidatorException) {
        return true;
      }
    }
    return false;
  }
}
